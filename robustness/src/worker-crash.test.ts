import { waitUntil } from '@cruddur/devstack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeFailure } from './client-errors';
import { groupRows, readConversation, waitForGroupRows } from './conversation';
import { startRobustnessStack, type RobustnessStack } from './robustness-stack';
import { startSteadyLoad } from './steady-load';
import { expectStoredOnce, expectTimeOrder } from './stored-messages';

let world: RobustnessStack;
beforeAll(async () => {
  world = await startRobustnessStack();
});
afterAll(() => world?.stop());

const WAIT = { timeoutMs: 120_000, intervalMs: 100 };

it('the stream worker killed (SIGKILL) during a burst and restarted: both group rows converge on the newest message', async () => {
  const people = [await world.signInAs('tomas'), await world.signInAs('kenji')] as const;
  const [tomas, kenji] = people;
  const { messageGroupUuid } = await tomas.api.messages.create.mutate({
    handle: kenji.handle,
    message: 'before the burst',
  });

  const burst = startSteadyLoad({ senders: people, messageGroupUuid, label: 'burst' });
  const sent = (more: number) => {
    const target = burst.outcomes.length + more;
    return waitUntil(
      `${more} more messages sent`,
      async () => burst.outcomes.length >= target,
      WAIT,
    );
  };
  try {
    // Killed while busy: the worker has started moving rows to burst messages and more keep coming.
    await waitUntil(
      'the worker to move a group row to a burst message',
      async () =>
        (await groupRows(kenji, messageGroupUuid))[0]?.lastMessage.startsWith('burst') ?? false,
      WAIT,
    );
    await world.stack.killWorker();
    await sent(30);
    // Back from its last checkpoint (a crash saves none of the batch in hand) while the burst goes on.
    await world.stack.startWorker();
    await sent(30);
  } finally {
    await burst.stop();
  }

  const outcomes = burst.outcomes;
  expect(outcomes.filter((o) => o.error).map((o) => describeFailure(o.error))).toEqual([]);
  const conversation = await readConversation(tomas, messageGroupUuid);
  expect(conversation).toHaveLength(1 + outcomes.length);
  expectStoredOnce(conversation, outcomes);
  expectTimeOrder(conversation);

  const rows = await waitForGroupRows(
    people,
    messageGroupUuid,
    conversation.at(-1)!,
    world.recentLogs,
  );
  expect(rows.map((r) => r.length)).toEqual([1, 1]);
});
