import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';
import { expectTRPCError } from '../testing/expect-error';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await startApiFixture();
});
afterAll(() => fx?.close());

describe('messages', () => {
  it('starts a conversation by handle, continues it by group, and lists it oldest→newest in pages', async () => {
    const { mira, tomas } = fx.users;
    const first = await fx
      .client(mira)
      .messages.create.mutate({ handle: 'tomas', message: '  hello Tomás  ' });
    expect(first.message).toMatchObject({
      message: 'hello Tomás',
      messageGroupUuid: first.messageGroupUuid,
      sender: { uuid: mira.uuid, handle: 'mira' },
    });

    const reply = await fx
      .client(tomas)
      .messages.create.mutate({ messageGroupUuid: first.messageGroupUuid, message: 'hi Mira' });
    expect(reply.messageGroupUuid).toBe(first.messageGroupUuid);
    // Writing to the same person by handle again posts in the existing conversation.
    const again = await fx
      .client(mira)
      .messages.create.mutate({ handle: 'tomas', message: 'how are you?' });
    expect(again.messageGroupUuid).toBe(first.messageGroupUuid);

    const all = await fx
      .client(tomas)
      .messages.list.query({ messageGroupUuid: first.messageGroupUuid });
    expect(all.items.map((m) => m.message)).toEqual(['hello Tomás', 'hi Mira', 'how are you?']);
    expect(all.nextCursor).toBeNull();

    const newest = await fx
      .client(mira)
      .messages.list.query({ messageGroupUuid: first.messageGroupUuid, limit: 2 });
    expect(newest.items.map((m) => m.message)).toEqual(['hi Mira', 'how are you?']);
    expect(newest.nextCursor).toEqual(expect.any(String));
    const older = await fx.client(mira).messages.list.query({
      messageGroupUuid: first.messageGroupUuid,
      limit: 2,
      cursor: newest.nextCursor!,
    });
    expect(older.items.map((m) => m.message)).toEqual(['hello Tomás']);
    expect(older.nextCursor).toBeNull();
  });

  it('lists the caller’s message groups with the other participant, newest first, in pages', async () => {
    const { priya, kenji, zeynep } = fx.users;
    const withKenji = await fx
      .client(priya)
      .messages.create.mutate({ handle: 'kenji', message: 'first' });
    const withZeynep = await fx
      .client(priya)
      .messages.create.mutate({ handle: 'zeynep', message: 'second' });

    const page1 = await fx.client(priya).messageGroups.list.query({ limit: 1 });
    expect(page1.items).toEqual([
      expect.objectContaining({
        messageGroupUuid: withZeynep.messageGroupUuid,
        lastMessage: 'second',
        other: { uuid: zeynep.uuid, handle: 'zeynep', displayName: 'Zeynep Arslan' },
      }),
    ]);
    const page2 = await fx
      .client(priya)
      .messageGroups.list.query({ limit: 1, cursor: page1.nextCursor! });
    expect(page2.items.map((g) => g.messageGroupUuid)).toEqual([withKenji.messageGroupUuid]);

    const kenjisView = await fx.client(kenji).messageGroups.list.query();
    expect(kenjisView.items.map((g) => [g.messageGroupUuid, g.other.handle])).toEqual([
      [withKenji.messageGroupUuid, 'priya'],
    ]);
  });

  it('stores HTML and script as plain text', async () => {
    const html =
      '<script>alert("x")</script><b onclick="steal()">bold</b> &amp; <img src=x onerror=alert(1)>';
    const { messageGroupUuid } = await fx
      .client(fx.users.kenji)
      .messages.create.mutate({ handle: 'zeynep', message: html });
    const page = await fx.client(fx.users.zeynep).messages.list.query({ messageGroupUuid });
    expect(page.items.at(-1)?.message).toBe(html);
  });

  it('stores a message sent twice with one client id once, in an existing and in a new conversation', async () => {
    const { mira, zeynep } = fx.users;
    const newGroupId = randomUUID();
    const request = { handle: 'zeynep', message: 'sent twice?', messageUuid: newGroupId };
    const [a, b] = await Promise.all([
      fx.client(mira).messages.create.mutate(request),
      fx.client(mira).messages.create.mutate(request),
    ]);
    const retry = await fx.client(mira).messages.create.mutate(request);
    expect(b).toEqual(a);
    expect(retry).toEqual(a);
    expect(a.message.messageUuid).toBe(newGroupId);

    const existingId = randomUUID();
    const post = {
      messageGroupUuid: a.messageGroupUuid,
      message: 'and again?',
      messageUuid: existingId,
    };
    const first = await fx.client(zeynep).messages.create.mutate(post);
    const second = await fx.client(zeynep).messages.create.mutate(post);
    expect(second).toEqual(first);

    const page = await fx
      .client(mira)
      .messages.list.query({ messageGroupUuid: a.messageGroupUuid });
    expect(page.items.map((m) => m.messageUuid)).toEqual([newGroupId, existingId]);
    const groups = await fx.client(mira).messageGroups.list.query({ limit: 100 });
    expect(groups.items.filter((g) => g.other.handle === 'zeynep')).toHaveLength(1);
  });

  it('refuses a client id that already belongs to a message elsewhere or by someone else', async () => {
    const { mira } = fx.users;
    const messageUuid = randomUUID();
    const { messageGroupUuid } = await fx
      .client(mira)
      .messages.create.mutate({ handle: 'kenji', message: 'original', messageUuid });
    const before = await fx.itemCount();
    await expectTRPCError(
      fx.client(mira).messages.create.mutate({
        handle: 'tomas',
        message: 'in another conversation',
        messageUuid,
      }),
      'CONFLICT',
      /messageUuid/,
    );
    await expectTRPCError(
      fx
        .client(fx.users.kenji)
        .messages.create.mutate({ messageGroupUuid, message: 'by someone else', messageUuid }),
      'CONFLICT',
    );
    expect(await fx.itemCount()).toBe(before);
  });
});

describe('membership', () => {
  let groupOfMiraAndTomas: string;
  beforeAll(async () => {
    ({ messageGroupUuid: groupOfMiraAndTomas } = await fx
      .client(fx.users.mira)
      .messages.create.mutate({ handle: 'tomas', message: 'private' }));
  });

  it('a member of another group can neither read nor post here, and nothing is written', async () => {
    const priya = fx.client(fx.users.priya);
    const before = await fx.itemCount();
    await expectTRPCError(
      priya.messages.list.query({ messageGroupUuid: groupOfMiraAndTomas }),
      'FORBIDDEN',
      'message group not found or not yours',
    );
    await expectTRPCError(
      priya.messages.create.mutate({ messageGroupUuid: groupOfMiraAndTomas, message: 'let me in' }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      priya.messages.create.mutate({
        messageGroupUuid: groupOfMiraAndTomas,
        message: 'with an id',
        messageUuid: randomUUID(),
      }),
      'FORBIDDEN',
    );
    expect(await fx.itemCount()).toBe(before);
  });

  it('an unknown group looks exactly like someone else’s', async () => {
    const mira = fx.client(fx.users.mira);
    await expectTRPCError(
      mira.messages.list.query({ messageGroupUuid: randomUUID() }),
      'FORBIDDEN',
      'message group not found or not yours',
    );
    await expectTRPCError(
      mira.messages.create.mutate({ messageGroupUuid: randomUUID(), message: 'hello?' }),
      'FORBIDDEN',
      'message group not found or not yours',
    );
  });
});
