import { type Message, type MessageGroup } from '@cruddur/ddb';

/**
 * What one person's live stream carries. Every event is about that person's conversations;
 * clients apply them idempotently (a message by its id, a group row by its `rev`).
 *
 * - `message`: a new message in one of my conversations (mine, from another tab, or theirs).
 * - `message-changed`: a message was edited, deleted (a tombstone) or reacted to; apply it over
 *   the one with the same id if its `rev` is higher.
 * - `group`: my row of a conversation changed — it moved to the top, is new, or its unread count
 *   or read position changed; `unreadDelta` is what it adds to my total unread (null when not
 *   known: a catch-up after a reconnect; reload the total).
 * - `read`: the other person's read position moved (a read receipt).
 * - `typing`: the other person is typing (ephemeral: never stored, shown for a few seconds).
 * - `resync`: the stream cannot tell what was missed; reload the lists (see the API README).
 * - `ready`: the stream is live from here (after any catch-up); its id is a position to resume
 *   from even when nothing else has happened yet.
 */
export type LiveEvent =
  | { type: 'message'; message: Message }
  | { type: 'message-changed'; message: Message }
  | { type: 'group'; group: MessageGroup; unreadDelta: number | null }
  | { type: 'read'; messageGroupUuid: string; userUuid: string; readAt: string }
  | { type: 'typing'; messageGroupUuid: string; userUuid: string }
  | { type: 'resync'; reason: string }
  | { type: 'ready' };

export type LiveEventType = LiveEvent['type'];

export const LIVE_EVENT_TYPES: readonly LiveEventType[] = [
  'message',
  'message-changed',
  'group',
  'read',
  'typing',
  'resync',
  'ready',
];

/** An event and the people whose streams receive it. */
export interface Delivery {
  to: readonly string[];
  event: LiveEvent;
}

/**
 * Two events with the same key say the same thing: a stream that already delivered one skips the
 * other (the API publishes a message at once, the stream worker again after pattern E).
 * Ephemeral and control events have none.
 */
export function eventKey(event: LiveEvent): string | null {
  switch (event.type) {
    case 'message':
    case 'message-changed':
      return `message ${event.message.messageUuid} ${event.message.rev}`;
    case 'group':
      return `group ${event.group.messageGroupUuid} ${event.group.rev}`;
    case 'read':
      return `read ${event.messageGroupUuid} ${event.userUuid} ${event.readAt}`;
    default:
      return null;
  }
}
