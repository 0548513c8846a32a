import type { InfiniteData } from '@tanstack/react-query';
import type { Message, MessageGroup, MessageGroupPage, UserRef } from '../lib/api-types';

/** The loaded pages of my conversation list, as the query cache holds them. */
export type ConversationPages<TCursor = unknown> = InfiniteData<MessageGroupPage, TCursor>;

/** The API stops counting unread messages here (per row and in total); a badge shows "99+". */
export const UNREAD_CAP = 100;

/**
 * A message this client has seen (sent, or received live) before the server's row shows it: rows
 * move when the stream worker has processed the message, a moment later.
 */
export interface GroupActivity {
  messageGroupUuid: string;
  lastMessage: string;
  lastMessageAt: string;
  /** Needed to show a conversation that the loaded pages do not contain (a brand-new one). */
  other?: UserRef;
}

export interface GroupChange<T> {
  data: T;
  /** The total unread is not known any more: reload the list (its first page has the total). */
  reload: boolean;
}

/** Of two versions of a row, the one a newer change made (a higher rev; a newer message if equal). */
export function newerRow(a: MessageGroup, b: MessageGroup): MessageGroup {
  if (a.rev !== b.rev) return a.rev > b.rev ? a : b;
  return b.lastMessageAt > a.lastMessageAt ? b : a;
}

/** The newest version of a row in the loaded pages (a row can sit in two pages after it moved). */
export function findGroup(
  data: ConversationPages,
  messageGroupUuid: string,
): MessageGroup | undefined {
  let found: MessageGroup | undefined;
  for (const page of data.pages)
    for (const group of page.items)
      if (group.messageGroupUuid === messageGroupUuid)
        found = found ? newerRow(found, group) : group;
  return found;
}

export function totalUnread(data: ConversationPages | undefined): number | null {
  return data?.pages[0]?.totalUnread ?? null;
}

/**
 * Whether a row not loaded belongs among the loaded ones: everything is loaded, or it is at least
 * as recent as the oldest loaded row. Otherwise it sits in a page further down, not shown yet.
 */
function withinLoaded(data: ConversationPages, lastMessageAt: string): boolean {
  const last = data.pages.at(-1);
  if (!last || last.nextCursor === null) return true;
  const oldest = last.items.at(-1);
  return oldest !== undefined && lastMessageAt >= oldest.lastMessageAt;
}

function replaceRow<T extends ConversationPages>(data: T, row: MessageGroup): T {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((g) => (g.messageGroupUuid === row.messageGroupUuid ? row : g)),
    })),
  };
}

function prependRow<T extends ConversationPages>(data: T, row: MessageGroup): T {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  return { ...data, pages: [{ ...first, items: [row, ...first.items] }, ...rest] };
}

/**
 * The total moved by `delta`, when that can be told: an unknown delta, or a drop from a capped
 * total (only a lower bound), needs the list reloaded — unless `replay`, when the list was just
 * reloaded and a second reload would learn nothing new.
 */
function withTotalDelta<T extends ConversationPages>(
  data: T,
  delta: number | null,
  replay: boolean,
): GroupChange<T> {
  const [first, ...rest] = data.pages;
  if (!first || first.totalUnread === null || delta === 0) return { data, reload: false };
  if (delta === null || (first.totalUnread >= UNREAD_CAP && delta < 0))
    return { data, reload: !replay };
  const total = Math.min(UNREAD_CAP, Math.max(0, first.totalUnread + delta));
  return { data: { ...data, pages: [{ ...first, totalUnread: total }, ...rest] }, reload: false };
}

/**
 * My row of a conversation as the server now has it (a live `group` event, or markRead's answer),
 * applied to the loaded pages. A version no newer than the one held changes nothing (events
 * arrive at least once, and out of order with fetches). The total moves by what the row's unread
 * count moved — known exactly when the old version is held, else `unreadDelta` from the server.
 * `replay` re-applies an event after a fetch replaced the pages: a row that is neither in them
 * nor newer than them was then already counted by that fetch, and is left alone.
 */
export function withGroup<T extends ConversationPages>(
  data: T,
  group: MessageGroup,
  unreadDelta: number | null,
  { replay = false }: { replay?: boolean } = {},
): GroupChange<T> {
  const held = findGroup(data, group.messageGroupUuid);
  if (held && held.rev >= group.rev) return { data, reload: false };
  if (!held && !withinLoaded(data, group.lastMessageAt)) {
    return replay ? { data, reload: false } : withTotalDelta(data, unreadDelta, false);
  }
  const next = held ? replaceRow(data, group) : prependRow(data, group);
  return withTotalDelta(next, held ? group.unread - held.unread : unreadDelta, replay);
}

/**
 * A message seen here moves its conversation's row to it before the server's row does (same
 * rev: the server's next version replaces it). A conversation not loaded yet is added when the
 * other person is known (one just started here); unread counts are left to the server.
 */
export function withActivity<T extends ConversationPages>(data: T, activity: GroupActivity): T {
  const held = findGroup(data, activity.messageGroupUuid);
  if (held) {
    if (held.lastMessageAt >= activity.lastMessageAt) return data;
    const { lastMessage, lastMessageAt } = activity;
    return replaceRow(data, { ...held, lastMessage, lastMessageAt, lastMessageDeleted: false });
  }
  if (!activity.other || !withinLoaded(data, activity.lastMessageAt)) return data;
  return prependRow(data, {
    messageGroupUuid: activity.messageGroupUuid,
    lastMessage: activity.lastMessage,
    lastMessageDeleted: false,
    lastMessageAt: activity.lastMessageAt,
    other: activity.other,
    unread: 0,
    readAt: null,
    // Below every version the server sends.
    rev: 0,
  });
}

/**
 * A message edited or deleted while it is its conversation's newest: the row's preview follows
 * at once ("Message deleted", or the new text). Same rev: the server's row, which the stream
 * worker moves for the same change, replaces it.
 */
export function withChangedMessage<T extends ConversationPages>(data: T, message: Message): T {
  const held = findGroup(data, message.messageGroupUuid);
  if (!held || held.lastMessageAt !== message.createdAt) return data;
  const lastMessageDeleted = message.deletedAt !== null;
  if (held.lastMessage === message.message && held.lastMessageDeleted === lastMessageDeleted)
    return data;
  return replaceRow(data, { ...held, lastMessage: message.message, lastMessageDeleted });
}
