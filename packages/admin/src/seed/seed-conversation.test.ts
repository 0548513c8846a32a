import { findUserByHandle } from '@cruddur/db';
import {
  formatTimestamp,
  listMessageGroups,
  listMessages,
  SelfMessageError,
  timestampToMicros,
} from '@cruddur/ddb';
import { createTestTable, snapshot, type TestTable } from '@cruddur/ddb/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersDatabase, type TestDatabase } from '../testing/users-database';
import { CONVERSATION } from './conversation';
import { seedConversation, UnknownHandleError } from './seed-conversation';

let ctx: TestTable;
let db: TestDatabase;

beforeAll(async () => {
  [ctx, db] = await Promise.all([createTestTable(), createUsersDatabase()]);
});
afterAll(async () => {
  await ctx?.close();
  await db?.close();
});

describe('seedConversation', () => {
  const endAt = new Date('2026-11-24T19:03:07.000Z');

  it('writes the conversation of mira and tomas, one line a minute ending at the given time, with progress', async () => {
    const progress: string[] = [];
    const result = await seedConversation(ctx, db.pool, {
      endAt,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    const mira = (await findUserByHandle(db.pool, 'mira'))!;
    const tomas = (await findUserByHandle(db.pool, 'tomas'))!;
    expect(result).toMatchObject({
      created: true,
      messages: CONVERSATION.length,
      from: { uuid: mira.uuid, handle: 'mira' },
      to: { handle: 'tomas', displayName: tomas.displayName },
    });
    expect(CONVERSATION.length).toBeGreaterThanOrEqual(30);
    expect(progress.at(-1)).toBe(`${CONVERSATION.length}/${CONVERSATION.length}`);

    const { items } = await listMessages(ctx, result.messageGroupUuid, { limit: 100 });
    expect(items.map((m) => m.message)).toEqual(CONVERSATION.map((l) => l.text));
    expect(items.map((m) => m.sender.handle)).toEqual(
      CONVERSATION.map((l) => (l.from === 'a' ? 'mira' : 'tomas')),
    );
    expect(items.at(-1)?.createdAt).toBe(formatTimestamp(endAt));
    const gaps = items
      .slice(1)
      .map((m, i) => timestampToMicros(m.createdAt) - timestampToMicros(items[i]!.createdAt));
    expect(new Set(gaps)).toEqual(new Set([60_000_000]));

    // Both rows show the last line, as the original seed left them.
    for (const [user, other] of [
      [mira, 'tomas'],
      [tomas, 'mira'],
    ] as const) {
      const rows = (await listMessageGroups(ctx, user.uuid)).items;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        messageGroupUuid: result.messageGroupUuid,
        lastMessage: CONVERSATION.at(-1)!.text,
        lastMessageAt: formatTimestamp(endAt),
        other: { handle: other },
      });
    }
  });

  it('leaves a pair that already talks alone, so running it twice is harmless', async () => {
    const first = await seedConversation(ctx, db.pool, { endAt });
    const before = await snapshot(ctx);
    const again = await seedConversation(ctx, db.pool, { from: 'tomas', to: 'mira' });
    expect(again).toMatchObject({
      created: false,
      messages: 0,
      messageGroupUuid: first.messageGroupUuid,
    });
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('refuses unknown handles and a conversation with oneself, writing nothing', async () => {
    const before = await snapshot(ctx);
    await expect(seedConversation(ctx, db.pool, { from: 'nobody' })).rejects.toThrow(
      UnknownHandleError,
    );
    await expect(seedConversation(ctx, db.pool, { to: 'nobody' })).rejects.toThrow(
      /no user has the handle "nobody"/,
    );
    await expect(seedConversation(ctx, db.pool, { from: 'priya', to: '@priya' })).rejects.toThrow(
      SelfMessageError,
    );
    expect(await snapshot(ctx)).toEqual(before);
  });
});
