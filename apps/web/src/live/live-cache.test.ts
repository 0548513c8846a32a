import { QueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageGroup, MessageGroupPage, MessagePage } from '../lib/api-types';
import { GROUP, group, groupPage, message, page, priya, tomas } from '../testing/fixtures';
import { trpc } from '../trpc';
import { CONVERSATIONS_INPUT, LiveCache, REPLAY_MS } from './live-cache';

const OTHER = 'a2222222-2222-4222-8222-222222222222';
const NEW = 'a4444444-4444-4444-8444-444444444444';
const at = (minute: number) => `2026-11-24T19:${String(minute).padStart(2, '0')}:00.000000+00:00`;
const listKey = getQueryKey(trpc.messageGroups.list, CONVERSATIONS_INPUT, 'infinite');
const threadKey = (limit = 30) =>
  getQueryKey(trpc.messages.list, { messageGroupUuid: GROUP, limit }, 'infinite');

/** My list: GROUP (2 unread, rev 3) above OTHER; 2 unread in total. */
const list = (rows?: MessageGroup[], total = 2) => ({
  pages: [
    groupPage(
      rows ?? [{ ...group(GROUP, tomas, at(3)), unread: 2, rev: 3 }, group(OTHER, priya, at(1))],
      null,
      total,
    ),
  ],
  pageParams: [null],
});
const thread = () => ({
  pages: [page([message(1, tomas), message(2)], null, message(1).createdAt)],
  pageParams: [null],
});

let client: QueryClient;
let clock: number;
let stopWatching: () => void;

function setup() {
  client = new QueryClient();
  clock = 1_000_000;
  const cache = new LiveCache(client, { now: () => clock });
  stopWatching = cache.watch();
  client.setQueryData(listKey, list());
  client.setQueryData(threadKey(), thread());
  return cache;
}
afterEach(() => {
  stopWatching();
  client.clear();
});

const listData = () => client.getQueryData<InfiniteData<MessageGroupPage>>(listKey)!;
const rowOf = (uuid: string) => listData().pages[0]!.items.find((g) => g.messageGroupUuid === uuid);
const total = () => listData().pages[0]!.totalUnread;
const threadData = (key: QueryKey = threadKey()) =>
  client.getQueryData<InfiniteData<MessagePage>>(key)!;
const invalidated = (key: QueryKey) => client.getQueryState(key)?.isInvalidated ?? false;
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('LiveCache: messages', () => {
  it('adds a new message to every loaded copy of its thread once, and moves its conversation up', () => {
    const cache = setup();
    client.setQueryData(threadKey(50), thread());
    const fresh = { ...message(9, tomas), createdAt: at(9) };
    expect(cache.apply({ type: 'message', message: fresh })).toBe(true);
    expect(cache.apply({ type: 'message', message: fresh })).toBe(false);
    for (const key of [threadKey(), threadKey(50)])
      expect(threadData(key).pages[0]!.items.map((m) => m.messageUuid)).toEqual([
        message(1).messageUuid,
        message(2).messageUuid,
        fresh.messageUuid,
      ]);
    expect(rowOf(GROUP)).toMatchObject({ lastMessage: fresh.message, lastMessageAt: at(9) });
    expect(total()).toBe(2);
  });
});

describe('LiveCache: changed messages', () => {
  it('replaces an edited, deleted or reacted-to message by rev in every loaded thread', () => {
    const cache = setup();
    client.setQueryData(threadKey(50), thread());
    const edited = { ...message(2), message: 'edited', editedAt: at(8), rev: 1 };
    expect(cache.apply({ type: 'message-changed', message: edited })).toBe(true);
    expect(cache.apply({ type: 'message-changed', message: edited })).toBe(false);
    // An older version arriving late changes nothing.
    expect(cache.apply({ type: 'message-changed', message: message(2) })).toBe(false);
    for (const key of [threadKey(), threadKey(50)])
      expect(threadData(key).pages[0]!.items[1]).toEqual(edited);
    const deleted = { ...message(2), message: '', deletedAt: at(9), rev: 2 };
    cache.applyChanged(deleted);
    expect(threadData().pages[0]!.items[1]).toEqual(deleted);
  });

  it('shows a deletion of the newest message on its row at once', () => {
    const cache = setup();
    const newest = { ...message(9, tomas), createdAt: at(3) };
    cache.apply({
      type: 'message-changed',
      message: { ...newest, message: '', deletedAt: at(4), rev: 1 },
    });
    expect(rowOf(GROUP)).toMatchObject({ lastMessage: '', lastMessageDeleted: true, rev: 3 });
  });

  it('re-applies a recent change to a thread that loads after it', async () => {
    const cache = setup();
    client.removeQueries({ queryKey: threadKey() });
    const reacted = { ...message(1, tomas), reactions: { heart: [tomas.uuid] }, rev: 1 };
    cache.apply({ type: 'message-changed', message: reacted });
    await client.fetchInfiniteQuery({
      queryKey: threadKey(),
      queryFn: async () => thread().pages[0]!,
      initialPageParam: null,
    });
    expect(threadData().pages[0]!.items[0]).toEqual(reacted);
  });
});

describe('LiveCache: rows and totals', () => {
  it('applies a newer row with its count change, and ignores a repeated or older one', () => {
    const cache = setup();
    const read = { ...group(GROUP, tomas, at(3)), unread: 0, rev: 4, readAt: at(3) };
    cache.apply({ type: 'group', group: read, unreadDelta: -2 });
    cache.apply({ type: 'group', group: read, unreadDelta: -2 });
    cache.apply({ type: 'group', group: { ...read, unread: 7, rev: 2 }, unreadDelta: 7 });
    expect(rowOf(GROUP)).toMatchObject({ unread: 0, rev: 4 });
    expect(total()).toBe(0);
    expect(invalidated(listKey)).toBe(false);
  });

  it('puts a new conversation on top and counts it', () => {
    const cache = setup();
    const started = { ...group(NEW, priya, at(8), 'hello'), unread: 1, rev: 1 };
    cache.apply({ type: 'group', group: started, unreadDelta: 1 });
    expect(listData().pages[0]!.items[0]).toEqual(started);
    expect(total()).toBe(3);
  });

  it('reloads the list for a row whose count change is unknown, once the catch-up is over', () => {
    const cache = setup();
    cache.connected();
    const caughtUp = { ...group(NEW, priya, at(8)), unread: 1, rev: 2 };
    cache.apply({ type: 'group', group: caughtUp, unreadDelta: null });
    expect(invalidated(listKey)).toBe(false);
    cache.ready({ fresh: false });
    expect(invalidated(listKey)).toBe(true);
    expect(invalidated(threadKey())).toBe(false);
  });

  it('reloads at once outside a catch-up', () => {
    const cache = setup();
    cache.apply({
      type: 'group',
      group: { ...group(NEW, priya, at(8)), rev: 1 },
      unreadDelta: null,
    });
    expect(invalidated(listKey)).toBe(true);
  });
});

describe('LiveCache: read receipts', () => {
  it('moves the other person’s read position forward only', () => {
    const cache = setup();
    const read = (readAt: string) =>
      cache.apply({ type: 'read', messageGroupUuid: GROUP, userUuid: tomas.uuid, readAt });
    read(message(2).createdAt);
    read(message(1).createdAt);
    expect(threadData().pages[0]!.otherReadAt).toBe(message(2).createdAt);
  });
});

describe('LiveCache: resync and start-up', () => {
  it('reloads the list and every thread on resync', () => {
    const cache = setup();
    cache.apply({ type: 'resync', reason: 'too much was missed to replay' });
    expect(invalidated(listKey)).toBe(true);
    expect(invalidated(threadKey())).toBe(true);
  });

  it('reloads what was loaded before a fresh stream started, and nothing after a resumed one', () => {
    const cache = setup();
    cache.connected();
    cache.ready({ fresh: false });
    expect(invalidated(listKey)).toBe(false);
    cache.connected();
    cache.ready({ fresh: true });
    expect(invalidated(listKey)).toBe(true);
    expect(invalidated(threadKey())).toBe(true);
  });
});

describe('LiveCache: fetches that land after an event', () => {
  it('re-applies recent events to a list a fetch replaced with what it read before them', async () => {
    const cache = setup();
    client.removeQueries({ queryKey: listKey });
    const response = deferred<ReturnType<typeof list>['pages'][number]>();
    const fetching = client.fetchInfiniteQuery({
      queryKey: listKey,
      queryFn: () => response.promise,
      initialPageParam: null,
    });
    const moved = { ...group(OTHER, priya, at(7), 'new'), unread: 1, rev: 2 };
    cache.apply({ type: 'group', group: moved, unreadDelta: 1 });
    response.resolve(list().pages[0]!);
    await fetching;
    expect(rowOf(OTHER)).toEqual(moved);
    expect(total()).toBe(3);
  });

  it('does not count an event twice when the fetch already saw it', async () => {
    const cache = setup();
    const moved = { ...group(OTHER, priya, at(7), 'new'), unread: 1, rev: 2 };
    cache.apply({ type: 'group', group: moved, unreadDelta: 1 });
    client.removeQueries({ queryKey: listKey });
    await client.fetchInfiniteQuery({
      queryKey: listKey,
      queryFn: async () =>
        list([{ ...group(GROUP, tomas, at(3)), unread: 2, rev: 3 }, moved], 3).pages[0]!,
      initialPageParam: null,
    });
    expect(total()).toBe(3);
  });

  it('re-applies recent messages and receipts to a thread that loads after them', async () => {
    const cache = setup();
    client.removeQueries({ queryKey: threadKey() });
    const fresh = { ...message(9, tomas), createdAt: at(9) };
    cache.apply({ type: 'message', message: fresh });
    cache.apply({ type: 'read', messageGroupUuid: GROUP, userUuid: tomas.uuid, readAt: at(9) });
    await client.fetchInfiniteQuery({
      queryKey: threadKey(),
      queryFn: async () => thread().pages[0]!,
      initialPageParam: null,
    });
    expect(threadData().pages[0]!.items.at(-1)!.messageUuid).toBe(fresh.messageUuid);
    expect(threadData().pages[0]!.otherReadAt).toBe(at(9));
  });

  it('forgets events older than the replay window', async () => {
    const cache = setup();
    client.removeQueries({ queryKey: threadKey() });
    cache.apply({ type: 'message', message: { ...message(9, tomas), createdAt: at(9) } });
    clock += REPLAY_MS;
    await client.fetchInfiniteQuery({
      queryKey: threadKey(),
      queryFn: async () => thread().pages[0]!,
      initialPageParam: null,
    });
    expect(threadData().pages[0]!.items).toHaveLength(2);
  });
});
