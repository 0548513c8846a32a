import { formatTimestamp, listMessagesAfter, type DdbContext, type Message } from '@cruddur/ddb';
import { type WakeSignal } from './wake-signal';

export interface FollowOptions {
  ddb: DdbContext;
  wake: WakeSignal;
  messageGroupUuid: string;
  /** Deliver messages newer than this sort key (a message's `createdAt`). */
  after: string;
  signal: AbortSignal;
  /** Poll interval when messages are flowing; it doubles while the group is idle, up to `maxPollMs`. */
  minPollMs?: number;
  maxPollMs?: number;
  /**
   * Sort keys are taken from the writer's clock before the write lands, so a message can become
   * visible after a newer one (slow write, another instance's clock a little behind). Every poll
   * looks this far behind the newest delivered key and skips what it already delivered.
   */
  lookbackMs?: number;
}

export interface Delivery {
  /** The newest sort key delivered so far: resuming after it misses nothing. */
  eventId: string;
  message: Message;
}

const PAGE = 100;

/**
 * Streams a group's new messages from DynamoDB, the source of truth, so messages stored through any
 * API instance arrive. Delivery is at least once: after a reconnect, messages from the look-back
 * window may come again (clients deduplicate by `messageUuid`).
 */
export async function* followMessages(
  options: FollowOptions,
): AsyncGenerator<Delivery, void, void> {
  const { ddb, wake, messageGroupUuid, signal } = options;
  const minPollMs = options.minPollMs ?? 500;
  const maxPollMs = options.maxPollMs ?? 4_000;
  const lookbackMs = options.lookbackMs ?? 10_000;
  const delivered = new Map<string, string>(); // messageUuid → sort key, within the look-back window
  let newest = options.after;
  let pollMs = minPollMs;

  while (!signal.aborted) {
    const floor = shiftSortKey(newest, -lookbackMs);
    for (const [id, sk] of delivered) if (sk <= floor) delivered.delete(id);
    let found = false;
    for await (const message of messagesAfter(ddb, messageGroupUuid, floor)) {
      if (delivered.has(message.messageUuid)) continue;
      delivered.set(message.messageUuid, message.createdAt);
      if (message.createdAt > newest) newest = message.createdAt;
      found = true;
      yield { eventId: newest, message };
    }
    pollMs = found ? minPollMs : Math.min(pollMs * 2, maxPollMs);
    await wake.wait(messageGroupUuid, pollMs, signal);
  }
}

async function* messagesAfter(
  ddb: DdbContext,
  messageGroupUuid: string,
  afterSk: string,
): AsyncGenerator<Message> {
  let cursor = afterSk;
  for (;;) {
    const page = await listMessagesAfter(ddb, messageGroupUuid, cursor, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    cursor = page[page.length - 1]!.createdAt;
  }
}

/** Millisecond precision is enough for a look-back bound. */
function shiftSortKey(sortKey: string, ms: number): string {
  return formatTimestamp(new Date(Date.parse(sortKey) + ms));
}
