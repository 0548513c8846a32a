import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture, type SignedInUser } from '../testing/api-fixture';
import { expectTRPCError } from '../testing/expect-error';
import { LiveFeed } from '../testing/subscription';

let fx: ApiFixture;
const feeds: LiveFeed[] = [];

beforeAll(async () => {
  fx = await startApiFixture({ worker: true });
});
afterEach(() => feeds.splice(0).forEach((f) => f.close()));
afterAll(() => fx?.close());

async function live(user: SignedInUser): Promise<LiveFeed> {
  const feed = new LiveFeed(fx.url, { token: () => user.accessToken });
  feeds.push(feed);
  await feed.waitFor('the stream', () => feed.started);
  return feed;
}

async function conversation(from: SignedInUser, to: SignedInUser, ...lines: string[]) {
  const api = fx.client(from);
  const first = await api.messages.create.mutate({ handle: to.handle, message: lines[0]! });
  const messages = [first.message];
  for (const message of lines.slice(1))
    messages.push(
      (await api.messages.create.mutate({ messageGroupUuid: first.messageGroupUuid, message }))
        .message,
    );
  return { group: first.messageGroupUuid, messages };
}

const rowOf = async (user: SignedInUser, group: string) =>
  (await fx.client(user).messageGroups.list.query({ limit: 100 })).items.find(
    (g) => g.messageGroupUuid === group,
  );

describe('messages.edit, messages.delete, messages.react', () => {
  it('edit the newest message: the other person sees it live, and both lists follow', async () => {
    const { group, messages } = await conversation(fx.users.mira, fx.users.tomas, 'hi', 'tpyo');
    const tomas = await live(fx.users.tomas);
    const ref = { messageGroupUuid: group, messageUuid: messages[1]!.messageUuid };
    const edited = await fx.client(fx.users.mira).messages.edit.mutate({ ...ref, message: 'typo' });
    expect(edited).toMatchObject({ message: 'typo', rev: 1 });
    await tomas.waitFor('the change', () =>
      tomas.of('message-changed').some((e) => e.message.message === 'typo'),
    );
    for (const user of [fx.users.mira, fx.users.tomas])
      await expect.poll(async () => (await rowOf(user, group))?.lastMessage).toBe('typo');
    // Asking again is no change.
    expect(
      await fx.client(fx.users.mira).messages.edit.mutate({ ...ref, message: 'typo' }),
    ).toEqual(edited);
  });

  it('delete: a tombstone for both, live, in the thread and in the lists; only the sender may', async () => {
    const { group, messages } = await conversation(fx.users.priya, fx.users.kenji, 'one', 'two');
    const kenji = await live(fx.users.kenji);
    const ref = { messageGroupUuid: group, messageUuid: messages[1]!.messageUuid };
    const count = await fx.itemCount();
    await expectTRPCError(
      fx.client(fx.users.kenji).messages.delete.mutate(ref),
      'FORBIDDEN',
      /only change messages you sent/,
    );
    await expectTRPCError(
      fx.client(fx.users.zeynep).messages.delete.mutate(ref),
      'FORBIDDEN',
      /not found or not yours/,
    );
    expect(await fx.itemCount()).toBe(count);

    const gone = await fx.client(fx.users.priya).messages.delete.mutate(ref);
    expect(gone.message).toBe('');
    expect(gone.deletedAt).toMatch(/^\d{4}-/);
    await kenji.waitFor('the tombstone', () =>
      kenji.of('message-changed').some((e) => e.message.deletedAt !== null),
    );
    const page = await fx.client(fx.users.kenji).messages.list.query({ messageGroupUuid: group });
    expect(page.items.map((m) => m.message)).toEqual(['one', '']);
    await expect
      .poll(async () => await rowOf(fx.users.kenji, group))
      .toMatchObject({ lastMessageDeleted: true, unread: 1 });
    await expectTRPCError(
      fx.client(fx.users.priya).messages.edit.mutate({ ...ref, message: 'back' }),
      'CONFLICT',
    );
    expect(await fx.client(fx.users.priya).messages.delete.mutate(ref)).toEqual(gone);
  });

  it('react: either member toggles one of the fixed reactions, live; others and unknown ones are refused', async () => {
    const { group, messages } = await conversation(fx.users.zeynep, fx.users.mira, 'news!');
    const zeynep = await live(fx.users.zeynep);
    const ref = { messageGroupUuid: group, messageUuid: messages[0]!.messageUuid };
    const mira = fx.client(fx.users.mira);
    await mira.messages.react.mutate({ ...ref, reaction: 'heart', on: true });
    const twice = await mira.messages.react.mutate({ ...ref, reaction: 'heart', on: true });
    expect(twice.reactions).toEqual({ heart: [fx.users.mira.uuid] });
    await zeynep.waitFor('the reaction', () =>
      zeynep.of('message-changed').some((e) => e.message.reactions.heart?.length === 1),
    );
    const off = await mira.messages.react.mutate({ ...ref, reaction: 'heart', on: false });
    expect(off.reactions).toEqual({});
    expect(off.message).toBe('news!');

    await expectTRPCError(
      mira.messages.react.mutate({ ...ref, reaction: 'poop' as never, on: true }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      fx.client(fx.users.kenji).messages.react.mutate({ ...ref, reaction: 'heart', on: true }),
      'FORBIDDEN',
    );
  });
});
