import type { InfiniteData } from '@tanstack/react-query';
import type { Message, MessagePage } from './api-types';

/** A message shown before the server has confirmed it; it carries the uuid the server will store. */
export interface PendingMessage extends Message {
  status: 'sending' | 'failed';
}

export type ThreadItem = Message & { status: 'sent' | PendingMessage['status'] };

/** Fixed-width UTC timestamps sort as strings; the uuid breaks ties so order is total. */
function compareMessages(a: Message, b: Message): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.messageUuid < b.messageUuid ? -1 : a.messageUuid > b.messageUuid ? 1 : 0;
}

/** Of two versions of a message, the one a later change made (edits, deletes, reactions bump rev). */
const newerMessage = (a: Message, b: Message): Message => (b.rev > a.rev ? b : a);

/**
 * The loaded pages as one thread, oldest first. A message seen twice (delivered live, then also
 * returned by a page) is shown once, in its newest version, and the thread is put in time order
 * whichever page holds what.
 */
export function threadFromPages(pages: readonly MessagePage[]): Message[] {
  const byUuid = new Map<string, Message>();
  for (const page of pages)
    for (const m of page.items) {
      const held = byUuid.get(m.messageUuid);
      byUuid.set(m.messageUuid, held ? newerMessage(held, m) : m);
    }
  return [...byUuid.values()].sort(compareMessages);
}

/**
 * The cached pages with a confirmed message in them: a new one added to the newest page, a newer
 * version (higher `rev`: edited, deleted, reacted to) put in place of the one held. The cache
 * stays as it is for a version it already holds or an older one (the same create reported by the
 * mutation and by the live stream, changes arriving out of order), and for a message older than
 * everything loaded while older pages remain: the live feed replays recent history after a
 * (re)connect, and such a message belongs to a page not loaded yet — shown now it would sit above
 * a gap.
 */
export function withMessage<TCursor>(
  data: InfiniteData<MessagePage, TCursor> | undefined,
  message: Message,
): InfiniteData<MessagePage, TCursor> | undefined {
  const [newest, ...older] = data?.pages ?? [];
  if (!data || !newest) return data;
  const held = data.pages.flatMap((page) =>
    page.items.filter((m) => m.messageUuid === message.messageUuid),
  );
  if (held.length > 0) {
    if (held.every((m) => m.rev >= message.rev)) return data;
    return {
      ...data,
      pages: data.pages.map((page) =>
        page.items.some((m) => m.messageUuid === message.messageUuid && m.rev < message.rev)
          ? {
              ...page,
              items: page.items.map((m) => (m.messageUuid === message.messageUuid ? message : m)),
            }
          : page,
      ),
    };
  }
  const oldestLoaded = data.pages.at(-1)!;
  const moreToLoad = oldestLoaded.nextCursor !== null;
  const oldest = oldestLoaded.items[0];
  if (moreToLoad && oldest && compareMessages(message, oldest) < 0) return data;
  const items = [...newest.items, message].sort(compareMessages);
  return { ...data, pages: [{ ...newest, items }, ...older] };
}

/**
 * The cached pages knowing that the other person has read up to `readAt` (a sort key: string
 * order is time order). Read positions only move forward, so an older one changes nothing.
 */
export function withOtherReadAt<TCursor>(
  data: InfiniteData<MessagePage, TCursor> | undefined,
  readAt: string,
): InfiniteData<MessagePage, TCursor> | undefined {
  const [newest, ...older] = data?.pages ?? [];
  if (!data || !newest || (newest.otherReadAt !== null && newest.otherReadAt >= readAt))
    return data;
  return { ...data, pages: [{ ...newest, otherReadAt: readAt }, ...older] };
}

/** The message to mark "Seen": my latest one that the other person has read up to. */
export function seenMessageUuid(
  items: readonly ThreadItem[],
  meUuid: string | undefined,
  otherReadAt: string | null,
): string | null {
  if (!meUuid || otherReadAt === null) return null;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.status === 'sent' && item.sender.uuid === meUuid && item.createdAt <= otherReadAt)
      return item.messageUuid;
  }
  return null;
}

/**
 * What the thread shows: confirmed messages in order, then the messages still on their way (or
 * failed) in the order they were sent. A pending message whose uuid the server has confirmed is
 * replaced by the server's version — same key, so the view does not jump.
 */
export function reconcileThread(
  confirmed: readonly Message[],
  pending: readonly PendingMessage[],
): ThreadItem[] {
  const confirmedIds = new Set(confirmed.map((m) => m.messageUuid));
  return [
    ...confirmed.map((m): ThreadItem => ({ ...m, status: 'sent' })),
    ...pending.filter((p) => !confirmedIds.has(p.messageUuid)).map((p): ThreadItem => ({ ...p })),
  ];
}
