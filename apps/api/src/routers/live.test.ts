import { createMessage, type Message } from '@cruddur/ddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer } from '../http-server';
import { startApiFixture, type ApiFixture, type SignedInUser } from '../testing/api-fixture';
import { expectTRPCError } from '../testing/expect-error';
import { LiveFeed, type LiveFeedOptions } from '../testing/subscription';
import { countDynamoDbCalls } from '../testing/dynamodb-calls';
import { createTokenMinter } from '../testing/token-minter';
import { apiClient } from '../testing/trpc-client';

let fx: ApiFixture;
/** A second API instance on the same stores: live delivery must cross instances. */
let second: ApiServer;
const feeds: LiveFeed[] = [];

beforeAll(async () => {
  fx = await startApiFixture({ worker: true });
  second = await fx.startInstance();
});
afterEach(() => feeds.splice(0).forEach((f) => f.close()));
afterAll(() => fx?.close());

/** `user`'s live stream on `instance` (the first one by default), started. */
async function live(
  user: SignedInUser,
  instance: { url: string } = fx,
  options: Partial<LiveFeedOptions> = {},
): Promise<LiveFeed> {
  const feed = new LiveFeed(instance.url, { token: () => user.accessToken, ...options });
  feeds.push(feed);
  await feed.waitFor(`${user.handle}'s stream to start`, () => feed.started || !!feed.error);
  return feed;
}

const groupEvents = (feed: LiveFeed, group: string) =>
  feed.of('group').filter((e) => e.group.messageGroupUuid === group);

const timesDelivered = (feed: LiveFeed, message: Message) =>
  feed.of('message').filter((e) => e.message.messageUuid === message.messageUuid).length;

/** No connection of the feed delivered a message twice. */
function expectOncePerConnection(feed: LiveFeed) {
  const seen = feed.events
    .filter((e) => e.data.type === 'message')
    .map((e) => `${e.connection} ${(e.data as { message: Message }).message.messageUuid}`);
  expect(seen).toEqual([...new Set(seen)]);
}

async function unreadOf(user: SignedInUser, group: string): Promise<number | undefined> {
  const { items } = await fx.client(user).messageGroups.list.query({ limit: 100 });
  return items.find((g) => g.messageGroupUuid === group)?.unread;
}

describe('live.events', () => {
  it("delivers a message sent through one instance to the other person's stream on another, then both rows", async () => {
    const [tomas, mira] = [await live(fx.users.tomas, second), await live(fx.users.mira)];
    const sent = await fx
      .client(fx.users.mira)
      .messages.create.mutate({ handle: 'tomas', message: 'hello over there' });

    await tomas.waitFor('the message', () => tomas.texts.includes('hello over there'));
    await mira.waitFor('her own message, for her other tabs', () =>
      mira.texts.includes('hello over there'),
    );
    await tomas.waitFor('his row', () => groupEvents(tomas, sent.messageGroupUuid).length > 0);
    expect(groupEvents(tomas, sent.messageGroupUuid).at(-1)).toMatchObject({
      group: { lastMessage: 'hello over there', other: { handle: 'mira' }, unread: 1 },
      unreadDelta: 1,
    });
    expect(groupEvents(mira, sent.messageGroupUuid).at(-1)?.group.unread).toBe(0);

    // The API publishes the message at once and the stream worker again after pattern E.
    await fx.client(fx.users.mira).messages.create.mutate({
      messageGroupUuid: sent.messageGroupUuid,
      message: 'and again',
    });
    await tomas.waitFor('the second row update', () =>
      groupEvents(tomas, sent.messageGroupUuid).some((e) => e.group.lastMessage === 'and again'),
    );
    expect(timesDelivered(tomas, sent.message)).toBe(1);
    expect(tomas.texts.filter((t) => t === 'and again')).toHaveLength(1);
  });

  it('delivers a message written straight to the table, not through the API, through the stream worker', async () => {
    const { messageGroupUuid } = await fx
      .client(fx.users.priya)
      .messages.create.mutate({ handle: 'kenji', message: 'first' });
    const kenji = await live(fx.users.kenji, second);
    await createMessage(fx.ddb, {
      messageGroupUuid,
      sender: fx.users.priya,
      message: 'written by another program',
    });
    await kenji.waitFor('the message', () => kenji.texts.includes('written by another program'));
    await kenji.waitFor('the row', () =>
      groupEvents(kenji, messageGroupUuid).some(
        (e) => e.group.lastMessage === 'written by another program' && e.group.unread === 2,
      ),
    );
  });

  it('keeps unread counts exact under 50 concurrent sends, and the deltas add up to them', async () => {
    const zeynep = await live(fx.users.zeynep, second);
    const kenji = fx.client(fx.users.kenji);
    const before = (await fx.client(fx.users.zeynep).messageGroups.list.query()).totalUnread!;
    const { messageGroupUuid: group } = await kenji.messages.create.mutate({
      handle: 'zeynep',
      message: '0',
    });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        kenji.messages.create.mutate({ messageGroupUuid: group, message: `${i + 1}` }),
      ),
    );
    await expect.poll(() => unreadOf(fx.users.zeynep, group), { timeout: 20_000 }).toBe(51);
    await zeynep.waitFor(
      'the last row update',
      () => groupEvents(zeynep, group).at(-1)?.group.unread === 51,
    );
    const deltas = groupEvents(zeynep, group).reduce((sum, e) => sum + (e.unreadDelta ?? 0), 0);
    expect(deltas).toBe(51);
    const list = await fx.client(fx.users.zeynep).messageGroups.list.query();
    expect(list.totalUnread).toBe(before + 51);
  });

  it('markRead moves forward only, for members only, and tells the other person and my other tabs', async () => {
    const mira = fx.client(fx.users.mira);
    const first = await mira.messages.create.mutate({ handle: 'zeynep', message: 'r1' });
    const group = first.messageGroupUuid;
    const second_ = await mira.messages.create.mutate({ messageGroupUuid: group, message: 'r2' });
    await mira.messages.create.mutate({ messageGroupUuid: group, message: 'r3' });
    await expect.poll(() => unreadOf(fx.users.zeynep, group), { timeout: 10_000 }).toBe(3);

    const [otherTab, miraLive] = [await live(fx.users.zeynep, second), await live(fx.users.mira)];
    const zeynep = fx.client(fx.users.zeynep);
    const read = await zeynep.messageGroups.markRead.mutate({
      messageGroupUuid: group,
      messageUuid: second_.message.messageUuid,
    });
    expect(read).toMatchObject({ unread: 1, readAt: second_.message.createdAt });
    await miraLive.waitFor('the read receipt', () =>
      miraLive.of('read').some((e) => e.messageGroupUuid === group),
    );
    expect(miraLive.of('read').at(-1)).toEqual({
      type: 'read',
      messageGroupUuid: group,
      userUuid: fx.users.zeynep.uuid,
      readAt: second_.message.createdAt,
    });
    await otherTab.waitFor(
      'the row in the other tab',
      () => groupEvents(otherTab, group).length > 0,
    );
    expect(groupEvents(otherTab, group).at(-1)).toMatchObject({
      group: { unread: 1 },
      unreadDelta: -2,
    });

    // An older message changes nothing, and says nothing.
    const again = await zeynep.messageGroups.markRead.mutate({
      messageGroupUuid: group,
      messageUuid: first.message.messageUuid,
    });
    expect(again).toMatchObject({ unread: 1, readAt: second_.message.createdAt });
    const page = await mira.messages.list.query({ messageGroupUuid: group });
    expect(page.otherReadAt).toBe(second_.message.createdAt);

    const count = await fx.itemCount();
    await expectTRPCError(
      fx.client(fx.users.priya).messageGroups.markRead.mutate({
        messageGroupUuid: group,
        messageUuid: first.message.messageUuid,
      }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      zeynep.messageGroups.markRead.mutate({
        messageGroupUuid: group,
        messageUuid: '0190f5c4-0000-7000-8000-000000000000',
      }),
      'NOT_FOUND',
    );
    expect(await fx.itemCount()).toBe(count);
    expect(miraLive.of('read')).toHaveLength(1);
  });

  it('carries typing to the other person only, at most once a second, and stores nothing', async () => {
    const { messageGroupUuid } = await fx
      .client(fx.users.tomas)
      .messages.create.mutate({ handle: 'priya', message: 'are you there?' });
    const [priya, tomas] = [await live(fx.users.priya, second), await live(fx.users.tomas)];
    const count = await fx.itemCount();
    const typing = () => fx.client(fx.users.tomas).live.typing.mutate({ messageGroupUuid });
    expect(await typing()).toEqual({ published: true });
    expect(await typing()).toEqual({ published: false });
    await priya.waitFor('typing', () => priya.of('typing').length > 0);
    expect(priya.of('typing')).toEqual([
      { type: 'typing', messageGroupUuid, userUuid: fx.users.tomas.uuid },
    ]);
    expect(tomas.of('typing')).toEqual([]);
    expect(await fx.itemCount()).toBe(count);
    await expectTRPCError(
      fx.client(fx.users.kenji).live.typing.mutate({ messageGroupUuid }),
      'FORBIDDEN',
    );
  });

  it('resumes from the last event id: what was missed is replayed, once, in order', async () => {
    const mira = fx.client(fx.users.mira);
    const { messageGroupUuid } = await mira.messages.create.mutate({
      handle: 'tomas',
      message: 'before the break',
    });
    const first = await live(fx.users.tomas);
    await mira.messages.create.mutate({ messageGroupUuid, message: 'seen live' });
    await first.waitFor('the live message', () => first.texts.includes('seen live'));
    const lastEventId = first.lastEventId!;
    first.close();

    const missed = ['missed 1', 'missed 2', 'missed 3'];
    for (const message of missed) await mira.messages.create.mutate({ messageGroupUuid, message });
    const resumed = await live(fx.users.tomas, second, { lastEventId });
    await resumed.waitFor('the missed messages', () =>
      missed.every((m) => resumed.texts.includes(m)),
    );
    expect(resumed.texts.filter((t) => t.startsWith('missed'))).toEqual(missed);
    expectOncePerConnection(resumed);
  });

  it('ends a stream when its token expires; the client renews it and resumes without a gap', async () => {
    const minter = await createTokenMinter(fx.config);
    const keyed = await fx.startInstance({}, { accessTokenKeys: minter.keys });
    const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
    const short = await minter.mint(fx.users.tomas.sub, { expiresAt: inSeconds(3) });
    let renewals = 0;
    let sendDuringRenewal: Promise<unknown> | undefined;
    const { messageGroupUuid } = await fx
      .client(fx.users.mira)
      .messages.create.mutate({ handle: 'tomas', message: 'token test' });
    const send = (message: string) =>
      fx.client(fx.users.mira).messages.create.mutate({ messageGroupUuid, message });

    const feed = await live(fx.users.tomas, keyed, {
      renew: true,
      token: async () => {
        if (renewals++ === 0) return short;
        // Renewing takes a moment; a message sent meanwhile must still arrive.
        sendDuringRenewal = send('sent while renewing');
        await sendDuringRenewal;
        return minter.mint(fx.users.tomas.sub, { expiresAt: inSeconds(3600) });
      },
    });
    await send('before expiry');
    await feed.waitFor('the renewed stream', () => feed.starts >= 2, 15_000);
    await send('after renewal');
    await feed.waitFor('every message', () =>
      ['before expiry', 'sent while renewing', 'after renewal'].every((t) =>
        feed.texts.includes(t),
      ),
    );
    expect(feed.error).toBeUndefined();
    // The catch-up window may bring a message again on the new connection (delivery is at least
    // once; clients keep messages by id), but never twice on one.
    expectOncePerConnection(feed);
  });

  it('costs no DynamoDB call while idle, nor to deliver to the idle', async () => {
    const counter = countDynamoDbCalls(second);
    const people = Object.values(fx.users);
    const idle = await Promise.all(
      Array.from({ length: 20 }, (_, i) => live(people[i % people.length]!, second)),
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(counter.calls).toBe(0);
    await fx.client(fx.users.kenji).messages.create.mutate({ handle: 'mira', message: 'ping' });
    const miraFeeds = idle.filter((_, i) => people[i % people.length] === fx.users.mira);
    for (const f of miraFeeds) await f.waitFor('the message', () => f.texts.includes('ping'));
    expect(counter.calls).toBe(0);
    counter.stop();
  });

  it('serves a list again from the instance without DynamoDB until an event changes it', async () => {
    const counter = countDynamoDbCalls(second);
    try {
      const kenji = apiClient(second.url, fx.users.kenji.accessToken);
      const { messageGroupUuid } = await fx
        .client(fx.users.zeynep)
        .messages.create.mutate({ handle: 'kenji', message: 'cache me' });
      // The rows of a new message settle first (pattern E, then a second of eventual consistency).
      await expect
        .poll(async () => (await kenji.messageGroups.list.query()).items[0]?.lastMessage, {
          timeout: 10_000,
        })
        .toBe('cache me');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await kenji.messageGroups.list.query();
      counter.calls = 0;
      const again = await kenji.messageGroups.list.query();
      expect(counter.calls).toBe(0);
      expect(again.items[0]?.lastMessage).toBe('cache me');

      await fx
        .client(fx.users.zeynep)
        .messages.create.mutate({ messageGroupUuid, message: 'changed' });
      await expect
        .poll(async () => (await kenji.messageGroups.list.query()).items[0]?.lastMessage, {
          timeout: 10_000,
        })
        .toBe('changed');
      expect(counter.calls).toBeGreaterThan(0);
    } finally {
      counter.stop();
    }
  });

  it('catches up after the connection to the pub/sub engine was lost', async () => {
    const { messageGroupUuid } = await fx
      .client(fx.users.kenji)
      .messages.create.mutate({ handle: 'tomas', message: 'before the gap' });
    const tomas = await live(fx.users.tomas, second);
    await second.services.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()",
    );
    await fx.client(fx.users.kenji).messages.create.mutate({
      messageGroupUuid,
      message: 'during the gap',
    });
    await tomas.waitFor('the message', () => tomas.texts.includes('during the gap'), 30_000);
    expect(tomas.error).toBeUndefined();
  });

  it('keeps what a blocker does in a conversation away from the person they blocked', async () => {
    const kenji = fx.client(fx.users.kenji);
    const tomas = fx.client(fx.users.tomas);
    const { messageGroupUuid, message } = await kenji.messages.create.mutate({
      handle: 'tomas',
      message: 'before the block',
    });
    const blockedFeed = await live(fx.users.kenji, second);
    await tomas.users.block.mutate({ userUuid: fx.users.kenji.uuid });
    try {
      expect(await tomas.live.typing.mutate({ messageGroupUuid })).toEqual({ published: false });
      await tomas.messageGroups.markRead.mutate({
        messageGroupUuid,
        messageUuid: message.messageUuid,
      });
      await expectTRPCError(
        kenji.messages.react.mutate({
          messageGroupUuid,
          messageUuid: message.messageUuid,
          reaction: 'heart',
          on: true,
        }),
        'FORBIDDEN',
      );
      // Something kenji does receive afterwards, so that nothing before it is still on its way.
      await kenji.live.typing.mutate({ messageGroupUuid });
      await kenji.messages.create.mutate({ handle: 'zeynep', message: 'marker' });
      await blockedFeed.waitFor('the marker', () => blockedFeed.texts.includes('marker'));
      const aboutTheBlocker = blockedFeed.events
        .map((e) => e.data)
        .filter((e) => 'messageGroupUuid' in e && e.messageGroupUuid === messageGroupUuid);
      expect(aboutTheBlocker).toEqual([]);
    } finally {
      await tomas.users.unblock.mutate({ userUuid: fx.users.kenji.uuid });
    }
  });

  it('refuses a stream beyond the per-person limit, and a last event id that is not a real time', async () => {
    const limited = await fx.startInstance({ LIVE_MAX_STREAMS_PER_USER: 2 });
    await live(fx.users.priya, limited);
    await live(fx.users.priya, limited);
    const third = await live(fx.users.priya, limited);
    await third.waitFor('the refusal', () => third.error !== undefined);
    expect(third.error?.data?.code).toBe('TOO_MANY_REQUESTS');

    for (const lastEventId of [
      '2026-13-01T00:00:00.000000+00:00',
      '2026-01-01T99:00:00.000000+00:00',
      '0000-01-01T00:00:00.000000+00:00',
    ]) {
      const feed = await live(fx.users.kenji, fx, { lastEventId });
      await feed.waitFor('the refusal', () => feed.error !== undefined);
      expect(feed.error?.data?.code).toBe('BAD_REQUEST');
    }
  });

  it("ends the streams of a users row that changed, and a deleted user's stream cannot come back", async () => {
    const priya = await live(fx.users.priya, second);
    await fx.client(fx.users.priya).users.me.query();
    await second.services.pool.query("UPDATE users SET display_name = 'Priya P' WHERE uuid = $1", [
      fx.users.priya.uuid,
    ]);
    await priya.waitFor('the reconnect', () => priya.starts >= 2, 15_000);
    expect(priya.error).toBeUndefined();

    await second.services.pool.query('DELETE FROM users WHERE uuid = $1', [fx.users.priya.uuid]);
    await priya.waitFor('the refusal', () => priya.error !== undefined, 15_000);
    expect(priya.error?.data?.code).toBe('UNAUTHORIZED');
    await expectTRPCError(
      apiClient(second.url, fx.users.priya.accessToken).users.me.query(),
      'UNAUTHORIZED',
    );
  });
});
