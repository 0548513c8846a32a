import { newerRow } from '../live/conversation-pages';
import type { MessageGroup, MessageGroupPage } from './api-types';

/**
 * The loaded conversations, newest first. A conversation listed twice (it moved between page
 * fetches, or a live update put it on top of the first page) is shown once, in its newest version.
 */
export function orderConversations(pages: readonly MessageGroupPage[]): MessageGroup[] {
  const byUuid = new Map<string, MessageGroup>();
  for (const group of pages.flatMap((page) => page.items)) {
    const known = byUuid.get(group.messageGroupUuid);
    byUuid.set(group.messageGroupUuid, known ? newerRow(known, group) : group);
  }
  return [...byUuid.values()].sort((a, b) =>
    a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0,
  );
}
