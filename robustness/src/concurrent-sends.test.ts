import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readConversation, waitForGroupRows } from './conversation';
import { startRobustnessStack, type RobustnessStack } from './robustness-stack';
import { expectStoredOnce, expectTimeOrder } from './stored-messages';

let world: RobustnessStack;
beforeAll(async () => {
  world = await startRobustnessStack();
});
afterAll(() => world?.stop());

const SENDS = 200;

it('200 concurrent sends by two users who have no conversation yet: one group, each message once, in time order', async () => {
  const people = [await world.signInAs('priya'), await world.signInAs('kenji')] as const;
  const sends = Array.from({ length: SENDS }, (_, n) => {
    const sender = people[n % 2]!;
    const recipient = people[(n + 1) % 2]!;
    return {
      sender,
      recipient,
      messageUuid: randomUUID(),
      message: `burst #${n} from @${sender.handle}`,
    };
  });

  // All at once, each addressed by handle: the pair has no group yet, so every one of them races
  // to start the conversation, from both sides.
  const results = await Promise.all(
    sends.map(async (s) => {
      const result = await s.sender.api.messages.create.mutate({
        handle: s.recipient.handle,
        message: s.message,
        messageUuid: s.messageUuid,
      });
      return { ...s, messageGroupUuid: result.messageGroupUuid, stored: result.message };
    }),
  );

  const groups = new Set(results.map((r) => r.messageGroupUuid));
  expect(groups.size).toBe(1);
  const [messageGroupUuid] = groups;
  const conversation = await readConversation(people[0], messageGroupUuid!);
  expect(conversation).toHaveLength(SENDS);
  expectStoredOnce(conversation, results);
  expectTimeOrder(conversation);
  expect(await readConversation(people[1], messageGroupUuid!)).toEqual(conversation);

  const rows = await waitForGroupRows(
    people,
    messageGroupUuid!,
    conversation.at(-1)!,
    world.recentLogs,
  );
  // Each side has exactly one row for the pair, naming the other side.
  expect(rows.map((r) => r.map((row) => row.other.handle))).toEqual([['kenji'], ['priya']]);
});
