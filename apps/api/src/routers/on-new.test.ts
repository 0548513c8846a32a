import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer } from '../http-server';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';
import { MessageFeed } from '../testing/subscription';
import { apiClient } from '../testing/trpc-client';

let fx: ApiFixture;
let other: ApiServer;
let group: string;
const feeds: MessageFeed[] = [];
const feed = (...args: ConstructorParameters<typeof MessageFeed>) => {
  const f = new MessageFeed(...args);
  feeds.push(f);
  return f;
};

beforeAll(async () => {
  fx = await startApiFixture();
  other = await fx.startInstance();
  ({ messageGroupUuid: group } = await fx
    .client(fx.users.mira)
    .messages.create.mutate({ handle: 'tomas', message: 'before anyone listened' }));
});
afterEach(() => feeds.splice(0).forEach((f) => f.close()));
afterAll(() => fx?.close());

describe('messages.onNew', () => {
  it('delivers messages posted through this instance and through another one', async () => {
    const live = feed(fx.client(fx.users.tomas), { messageGroupUuid: group });
    await live.waitFor('the subscription to start', () => live.started);

    await fx
      .client(fx.users.mira)
      .messages.create.mutate({ messageGroupUuid: group, message: 'via this instance' });
    await live.waitFor('the message from this instance', () =>
      live.texts.includes('via this instance'),
    );
    await apiClient(other.url, fx.users.mira.accessToken).messages.create.mutate({
      messageGroupUuid: group,
      message: 'via another instance',
    });
    await live.waitFor('the message from the other instance', () =>
      live.texts.includes('via another instance'),
    );

    // A fresh subscription also replays the last seconds (the look-back window): messages sent
    // between loading the thread and subscribing are not lost.
    expect(live.texts).toContain('before anyone listened');
    expect(live.events.at(-1)?.data).toMatchObject({
      messageGroupUuid: group,
      sender: { handle: 'mira' },
    });
    // Event ids are the newest delivered sort key, so they never go backwards.
    const ids = live.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('resumes after the last event id, replaying what was missed', async () => {
    const api = fx.client(fx.users.mira);
    const seen = await api.messages.create.mutate({
      messageGroupUuid: group,
      message: 'seen before the disconnect',
    });
    await api.messages.create.mutate({ messageGroupUuid: group, message: 'missed 1' });
    await api.messages.create.mutate({ messageGroupUuid: group, message: 'missed 2' });

    const resumed = feed(fx.client(fx.users.tomas), {
      messageGroupUuid: group,
      lastEventId: seen.message.createdAt,
    });
    await resumed.waitFor('the missed messages', () => resumed.texts.includes('missed 2'));
    const fresh = resumed.texts.filter(
      (t) => !t.startsWith('seen') && !t.startsWith('via') && !t.startsWith('before'),
    );
    expect(fresh).toEqual(['missed 1', 'missed 2']);
  });

  it('refuses non-members, unknown groups and callers without a token', async () => {
    const cases = [
      feed(fx.client(fx.users.priya), { messageGroupUuid: group }),
      feed(fx.client(fx.users.priya), { messageGroupUuid: '5ae290ed-55d1-47a0-bc6d-fe2bc2700399' }),
      feed(fx.client(), { messageGroupUuid: group }),
    ];
    for (const f of cases) await f.waitFor('the error', () => f.error !== undefined);
    expect(cases.map((f) => f.error?.data?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'UNAUTHORIZED',
    ]);
    expect(cases.every((f) => f.events.length === 0)).toBe(true);
  });
});
