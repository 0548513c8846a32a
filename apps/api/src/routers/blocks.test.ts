import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKED_BY_RECIPIENT, BLOCKED_BY_SENDER } from '../blocks';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';
import { expectTRPCError } from '../testing/expect-error';
import { rawCall } from '../testing/raw-call';

let fx: ApiFixture;
let group: string;
beforeAll(async () => {
  fx = await startApiFixture();
  // priya and kenji already talk; priya will block kenji.
  ({ messageGroupUuid: group } = await fx
    .client(fx.users.kenji)
    .messages.create.mutate({ handle: 'priya', message: 'hi Priya' }));
});
afterAll(() => fx?.close());

describe('blocking', () => {
  it('stops the blocked person writing in the conversation (C) and starting one (D), writing nothing', async () => {
    const { priya, kenji } = fx.users;
    await fx.client(priya).users.block.mutate({ userUuid: kenji.uuid });
    const before = await fx.itemCount();
    const asKenji = fx.client(kenji).messages.create;
    await expectTRPCError(
      asKenji.mutate({ messageGroupUuid: group, message: 'are you there?' }),
      'FORBIDDEN',
      BLOCKED_BY_RECIPIENT,
    );
    await expectTRPCError(
      asKenji.mutate({ handle: 'priya', message: 'hello again' }),
      'FORBIDDEN',
      BLOCKED_BY_RECIPIENT,
    );
    // The blocker cannot write to them either while the block stands.
    await expectTRPCError(
      fx.client(priya).messages.create.mutate({ messageGroupUuid: group, message: 'bye' }),
      'FORBIDDEN',
      BLOCKED_BY_SENDER,
    );
    expect(await fx.itemCount()).toBe(before);
    // Someone else is not affected.
    await fx.client(fx.users.zeynep).messages.create.mutate({ handle: 'kenji', message: 'hi' });
  });

  it('is lifted by unblocking, at once on this instance', async () => {
    const { priya, kenji } = fx.users;
    await fx.client(priya).users.unblock.mutate({ userUuid: kenji.uuid });
    const sent = await fx
      .client(kenji)
      .messages.create.mutate({ messageGroupUuid: group, message: 'thanks' });
    expect(sent.message.message).toBe('thanks');
  });

  it('starting a conversation with someone who blocked you is refused too', async () => {
    const { tomas, zeynep } = fx.users;
    await fx.client(zeynep).users.block.mutate({ userUuid: tomas.uuid });
    const before = await fx.itemCount();
    const refused = await rawCall(fx.url, 'messages.create', {
      mutation: true,
      token: tomas.accessToken,
      input: { handle: 'zeynep', message: 'first message' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(BLOCKED_BY_RECIPIENT);
    expect(await fx.itemCount()).toBe(before);
    await fx.client(zeynep).users.unblock.mutate({ userUuid: tomas.uuid });
  });

  it('is idempotent both ways, and says so', async () => {
    const api = fx.client(fx.users.mira);
    const target = { userUuid: fx.users.priya.uuid };
    expect(await api.users.block.mutate(target)).toMatchObject({ blocked: true, changed: true });
    expect(await api.users.block.mutate(target)).toMatchObject({ blocked: true, changed: false });
    expect(await api.users.blockStatus.query(target)).toEqual({ blocked: true });
    expect(await api.users.unblock.mutate(target)).toMatchObject({ blocked: false, changed: true });
    expect(await api.users.unblock.mutate(target)).toMatchObject({
      blocked: false,
      changed: false,
    });
    expect(await api.users.blockStatus.query(target)).toEqual({ blocked: false });
  });

  it('lists the people blocked, newest first, page by page', async () => {
    const api = fx.client(fx.users.mira);
    for (const handle of ['tomas', 'kenji', 'zeynep'] as const)
      await api.users.block.mutate({ userUuid: fx.users[handle].uuid });
    const first = await api.users.blocked.query({ limit: 2 });
    expect(first.items.map((p) => p.handle)).toEqual(['zeynep', 'kenji']);
    expect(first.items[0]).toMatchObject({
      displayName: 'Zeynep Arslan',
      blockedAt: expect.any(String) as string,
    });
    const second = await api.users.blocked.query({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((p) => p.handle)).toEqual(['tomas']);
    expect(second.nextCursor).toBeNull();
    await expectTRPCError(
      api.users.blocked.query({ cursor: 'not-a-cursor' }),
      'BAD_REQUEST',
      /cursor/,
    );
    for (const handle of ['tomas', 'kenji', 'zeynep'] as const)
      await api.users.unblock.mutate({ userUuid: fx.users[handle].uuid });
  });

  it('refuses blocking yourself, an unknown person or a malformed id, writing nothing', async () => {
    const api = fx.client(fx.users.mira);
    await expectTRPCError(
      api.users.block.mutate({ userUuid: fx.users.mira.uuid }),
      'BAD_REQUEST',
      /yourself/,
    );
    await expectTRPCError(
      api.users.block.mutate({ userUuid: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );
    const malformed = await rawCall(fx.url, 'users.block', {
      mutation: true,
      token: fx.users.mira.accessToken,
      input: { userUuid: "x' OR 1=1 --" },
    });
    expect(malformed.status).toBe(400);
    expect((await api.users.blocked.query({})).items).toEqual([]);
  });
});
