import { type Message } from '@cruddur/ddb';
import { expect } from 'vitest';

/** What a client was told about one send: the id it chose and, if it succeeded, the stored message. */
export interface SentMessage {
  messageUuid: string;
  message: string;
  stored?: Message;
}

/** Each sent message is in `conversation` exactly once, as its create call reported it. */
export function expectStoredOnce(
  conversation: readonly Message[],
  sent: readonly SentMessage[],
): void {
  const times = timesStored(conversation);
  expect(sent.filter((s) => times.get(s.messageUuid) !== 1).map((s) => s.message)).toEqual([]);
  const byUuid = new Map(conversation.map((m) => [m.messageUuid, m]));
  const misreported = sent.filter((s) => {
    const m = byUuid.get(s.messageUuid);
    return m?.message !== s.message || m.createdAt !== s.stored?.createdAt;
  });
  expect(misreported.map((s) => s.message)).toEqual([]);
}

/** Read back oldest first, every message at its own, strictly later time. */
export function expectTimeOrder(conversation: readonly Message[]): void {
  const times = conversation.map((m) => m.createdAt);
  expect(times.filter((t, i) => i > 0 && t <= times[i - 1]!)).toEqual([]);
}

/** How many times each message id occurs. */
export function timesStored(conversation: readonly Message[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of conversation) counts.set(m.messageUuid, (counts.get(m.messageUuid) ?? 0) + 1);
  return counts;
}
