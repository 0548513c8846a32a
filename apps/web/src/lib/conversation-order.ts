import type { MessageGroup, MessageGroupPage, UserRef } from './api-types';

/**
 * A message this client has seen (sent, or received live) that the server's conversation list may
 * not show yet: the list is updated from the DynamoDB stream, a moment after the message.
 */
export interface GroupActivity {
  messageGroupUuid: string;
  lastMessage: string;
  lastMessageAt: string;
  /** Needed to show a conversation that the loaded pages do not contain (a brand-new one). */
  other?: UserRef;
}

/**
 * The loaded conversations, newest first, with local activity applied where it is newer than what
 * the server said. Server data that has caught up wins by the same rule, and a stale refetch cannot
 * move a conversation back down. A conversation listed twice (it moved between page fetches, or a
 * fresh poll of the first page shows it again) is shown once, at its newest position.
 */
export function orderConversations(
  pages: readonly MessageGroupPage[],
  activity: Iterable<GroupActivity>,
): MessageGroup[] {
  const byUuid = new Map<string, MessageGroup>();
  for (const group of pages.flatMap((page) => page.items)) {
    const known = byUuid.get(group.messageGroupUuid);
    if (!known || known.lastMessageAt < group.lastMessageAt)
      byUuid.set(group.messageGroupUuid, group);
  }
  for (const { messageGroupUuid, lastMessage, lastMessageAt, other } of activity) {
    const known = byUuid.get(messageGroupUuid);
    if (known && known.lastMessageAt < lastMessageAt) {
      byUuid.set(messageGroupUuid, { ...known, lastMessage, lastMessageAt });
    } else if (!known && other) {
      byUuid.set(messageGroupUuid, {
        messageGroupUuid,
        lastMessage,
        lastMessageAt,
        other,
        unread: 0,
        readAt: null,
      });
    }
  }
  return [...byUuid.values()].sort((a, b) =>
    a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0,
  );
}
