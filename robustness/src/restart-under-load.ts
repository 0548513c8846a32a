import { waitUntil } from '@cruddur/devstack';
import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import { describeFailure, UNAVAILABLE } from './client-errors';
import { readConversation, waitForGroupRows } from './conversation';
import { type Person, type RobustnessStack } from './robustness-stack';
import { startSteadyLoad, type SendOutcome } from './steady-load';
import { expectStoredOnce, expectTimeOrder, timesStored } from './stored-messages';

export interface RestartUnderLoadOptions {
  world: RobustnessStack;
  /** The data store to take down and bring back. */
  service: { stop(): Promise<void>; start(): Promise<void> };
  people: readonly [Person, Person];
  label: string;
  /**
   * Whether a request that was in flight when the store went down may have been stored although
   * its caller got an error (the write landed, the answer was lost). The caller cannot tell, which
   * is why it retries with the same `messageUuid`. Requests sent while the store was down can
   * never have been stored.
   */
  inFlightMayBeStored: boolean;
  /**
   * PostgreSQL holds only the users, and an API instance keeps the people it has seen for a
   * minute: while it is down they go on sending, and only someone it has not seen yet gets a
   * 503. Given, that person's first call is made while the store is down, and again after.
   */
  newcomer?: Person;
}

const WAIT = { timeoutMs: 120_000, intervalMs: 100 };

/**
 * A steady stream of sends into one conversation while `service` is stopped and started again.
 * Proves: calls fail with a readable 503 while it is down and succeed once it is back; every
 * stored message is stored exactly once; nothing that failed was half-written (a retry with the
 * same id stores it once); the conversation reads back complete and in time order; both group
 * rows end on the newest message (written after the restart, so the worker got through it too).
 */
export async function expectRecoveryFromRestart(options: RestartUnderLoadOptions): Promise<void> {
  const { world, service, people, label } = options;
  const [first, second] = people;
  const healthz = `${world.stack.urls.api}/healthz`;
  const { messageGroupUuid } = await first.api.messages.create.mutate({
    handle: second.handle,
    message: `${label}: starting`,
  });

  const load = startSteadyLoad({ senders: people, messageGroupUuid, label });
  let wentDown = Infinity;
  let restarting = Infinity;
  let backUp = Infinity;
  try {
    await waitUntil(
      '10 messages stored before the restart',
      async () => load.count('stored') >= 10,
      WAIT,
    );
    await service.stop();
    wentDown = performance.now();
    if (options.newcomer) {
      await waitUntil(
        '5 calls answered while the store is down',
        async () => load.count('stored', wentDown) >= 5,
        WAIT,
      );
      const refused = await options.newcomer.api.users.me.query().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(describeFailure(refused)).toMatch(UNAVAILABLE);
    } else {
      await waitUntil(
        '5 calls failed while the store is down',
        async () => load.count('failed', wentDown) >= 5,
        WAIT,
      );
    }
    expect((await fetch(healthz)).status).toBe(503);
    restarting = performance.now();
    await service.start();
    backUp = performance.now();
    await waitUntil(
      '10 messages stored after the restart',
      async () => load.count('stored', backUp) >= 10,
      WAIT,
    );
  } finally {
    await load.stop();
  }
  expect((await fetch(healthz)).status).toBe(200);

  const outcomes = load.outcomes;
  const failed = outcomes.filter((o) => o.error !== undefined);
  const sentWhileDown = outcomes.filter((o) => o.startedAt > wentDown && o.endedAt < restarting);
  const sentAfter = outcomes.filter((o) => o.startedAt > backUp);
  // Every failure, including those of requests caught by the stop, is the same clear 503.
  expect(failed.map((o) => describeFailure(o.error)).filter((d) => !UNAVAILABLE.test(d))).toEqual(
    [],
  );
  expect(sentWhileDown.length).toBeGreaterThanOrEqual(5);
  if (options.newcomer) {
    // Nothing of a send needs PostgreSQL once its sender is known: all of them were stored.
    expect(sentWhileDown.filter((o) => !o.stored).map((o) => o.message)).toEqual([]);
    await expect(options.newcomer.api.users.me.query()).resolves.toMatchObject({
      handle: options.newcomer.handle,
    });
  } else {
    expect(sentWhileDown.filter((o) => o.stored).map((o) => o.message)).toEqual([]);
  }
  expect(sentAfter.length).toBeGreaterThanOrEqual(10);
  expect(sentAfter.filter((o) => o.error).map((o) => describeFailure(o.error))).toEqual([]);

  const afterLoad = await readConversation(first, messageGroupUuid);
  expectStoredOnce(
    afterLoad,
    outcomes.filter((o) => o.stored),
  );
  const times = timesStored(afterLoad);
  const mayBeStored = (o: SendOutcome) => options.inFlightMayBeStored && o.startedAt < wentDown;
  expect(
    failed
      .filter((o) => (times.get(o.messageUuid) ?? 0) > (mayBeStored(o) ? 1 : 0))
      .map((o) => o.message),
  ).toEqual([]);

  // The client's retry of each failed send: stored exactly once, whatever happened before.
  const retried = await Promise.all(
    failed.map(async (o) => {
      const { message } = await o.sender.api.messages.create.mutate({
        messageGroupUuid,
        message: o.message,
        messageUuid: o.messageUuid,
      });
      return { ...o, stored: message };
    }),
  );
  const conversation = await readConversation(second, messageGroupUuid);
  expect(conversation).toHaveLength(1 + outcomes.length);
  expectStoredOnce(conversation, [...outcomes.filter((o) => o.stored), ...retried]);
  expectTimeOrder(conversation);

  const newest = conversation.at(-1)!;
  const rows = await waitForGroupRows(people, messageGroupUuid, newest, world.recentLogs);
  expect(rows.map((r) => r.length)).toEqual([1, 1]);
}
