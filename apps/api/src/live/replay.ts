import {
  listMessageGroupsAfter,
  listMessagesAfter,
  nowMicros,
  readPositions,
  timestampFromMicros,
  type DdbContext,
  type MessageGroup,
} from '@cruddur/ddb';
import { type LiveEvent } from '@cruddur/live';
import { eventIdMicros } from './event-id';

/**
 * Writes land a little after the instant in their key (a slow request, the stream worker's lag
 * for producers other than the API), so a catch-up reads this far before the last event id.
 */
export const CATCH_UP_WINDOW_MS = 120_000;
/** A stream gone longer than this is told to reload instead (cheaper than replaying hours). */
export const CATCH_UP_MAX_AGE_MS = 15 * 60_000;
/** Past this many events, reloading is cheaper too. */
export const CATCH_UP_MAX_EVENTS = 500;

const PAGE = 100;

/**
 * What a person missed since `lastEventId`, from DynamoDB (the source of truth): the rows of
 * the conversations that moved since (the GRP# partition queried after the key), their new
 * messages, and the other person's read position in each. Oldest first; the stream skips what
 * it delivered already, the client what it has. Too much or too old: one `resync` event.
 */
export async function catchUp(
  ddb: DdbContext,
  userUuid: string,
  lastEventId: string,
): Promise<LiveEvent[]> {
  const since = eventIdMicros(lastEventId);
  if (nowMicros() - since > CATCH_UP_MAX_AGE_MS * 1000)
    return [{ type: 'resync', reason: 'the last event is too old to catch up from' }];
  const after = timestampFromMicros(since - CATCH_UP_WINDOW_MS * 1000);
  const tooMuch: LiveEvent[] = [{ type: 'resync', reason: 'too much was missed to replay' }];

  const groups = await listMessageGroupsAfter(ddb, userUuid, after, PAGE);
  if (groups.more) return tooMuch;
  const perGroup = await Promise.all(groups.items.map((g) => groupCatchUp(ddb, g, after)));
  if (perGroup.some((g) => g === null)) return tooMuch;
  const found = perGroup as Exclude<(typeof perGroup)[number], null>[];

  const messages = found
    .flatMap((g) => g.messages)
    .sort((a, b) => (a.message.createdAt < b.message.createdAt ? -1 : 1));
  const events = [...messages, ...found.flatMap((g) => [g.row, ...g.reads])];
  return events.length > CATCH_UP_MAX_EVENTS ? tooMuch : events;
}

async function groupCatchUp(ddb: DdbContext, group: MessageGroup, after: string) {
  const [messages, positions] = await Promise.all([
    listMessagesAfter(ddb, group.messageGroupUuid, after, PAGE),
    readPositions(ddb, group.messageGroupUuid),
  ]);
  if (messages.more) return null;
  const readAt = positions.get(group.other.uuid);
  return {
    messages: messages.items.map((message): LiveEvent & { type: 'message' } => ({
      type: 'message',
      message,
    })),
    // What the row adds to the total is not known from here: the client reloads its total.
    row: { type: 'group', group, unreadDelta: null } as LiveEvent,
    reads: readAt
      ? [
          {
            type: 'read',
            messageGroupUuid: group.messageGroupUuid,
            userUuid: group.other.uuid,
            readAt,
          } as LiveEvent,
        ]
      : [],
  };
}
