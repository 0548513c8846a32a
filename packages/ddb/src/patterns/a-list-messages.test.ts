import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../internal/cursor';
import { InvalidCursorError, InvalidInputError } from '../model/errors';
import { listMessages } from './a-list-messages';
import {
  conversationAt,
  createTestTable,
  minutesFrom,
  someone,
  type TestTable,
} from '../testing/test-table';
import { type Message } from '../model/types';

let ctx: TestTable;
const mira = someone('mira');
const tomas = someone('tomas');
let groupUuid: string;
const sks = minutesFrom('2026-03-01T10:00:00.000Z', 47);

beforeAll(async () => {
  ctx = await createTestTable();
  groupUuid = await conversationAt(ctx, mira, tomas, sks);
});
afterAll(() => ctx?.close());

/** Follows nextCursor to the end, newest page first, as a client scrolling up does. */
async function readAll(group: string, limit: number): Promise<Message[][]> {
  const pages: Message[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listMessages(ctx, group, { limit, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('listMessages (pattern A)', () => {
  it('shows the latest page oldest→newest with the sender of each message', async () => {
    const page = await listMessages(ctx, groupUuid, { limit: 3 });
    expect(page.items.map((m) => m.createdAt)).toEqual(sks.slice(-3));
    expect(page.items.map((m) => m.message)).toEqual(['line 45', 'line 46', 'line 47']);
    expect(page.items[0]).toMatchObject({ messageGroupUuid: groupUuid, sender: mira });
    expect(page.items[1]?.sender).toEqual(tomas);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('pages through every message exactly once, whatever the page size', async () => {
    for (const limit of [1, 10, 20, 47, 100]) {
      const pages = await readAll(groupUuid, limit);
      const all = pages.toReversed().flat();
      expect(all.map((m) => m.createdAt)).toEqual(sks);
      expect(pages.length).toBe(Math.ceil(sks.length / limit)); // no empty page at the end
    }
  });

  it('lists every line of a conversation that spans New Year', async () => {
    const newYear = minutesFrom('2026-12-31T23:45:00.000Z', 30);
    const group = await conversationAt(ctx, someone('ann'), someone('bob'), newYear);
    const all = (await readAll(group, 7)).toReversed().flat();
    expect(all.map((m) => m.createdAt)).toEqual(newYear);
    expect(all.filter((m) => m.createdAt.startsWith('2026'))).toHaveLength(15);
    expect(all.filter((m) => m.createdAt.startsWith('2027'))).toHaveLength(15);
  });

  it('returns an empty page for a group without messages', async () => {
    expect(await listMessages(ctx, randomUUID())).toEqual({ items: [], nextCursor: null });
  });

  it('rejects a tampered cursor, or one of another group, with InvalidCursorError', async () => {
    const { nextCursor } = await listMessages(ctx, groupUuid, { limit: 5 });
    const tampered = `${nextCursor!.slice(0, -3)}xyz`;
    await expect(listMessages(ctx, groupUuid, { cursor: tampered })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(listMessages(ctx, randomUUID(), { cursor: nextCursor })).rejects.toThrow(
      InvalidCursorError,
    );
    const forged = encodeCursor({ pk: `GRP#${mira.uuid}`, sk: sks[3]! });
    await expect(listMessages(ctx, groupUuid, { cursor: forged })).rejects.toThrow(/another list/);
  });

  it('rejects limits outside 1..100 and ids that are not uuids', async () => {
    for (const limit of [0, 101, 2.5, Number.NaN]) {
      await expect(listMessages(ctx, groupUuid, { limit })).rejects.toThrow(InvalidInputError);
    }
    await expect(listMessages(ctx, 'MSG#oops')).rejects.toThrow(/messageGroupUuid: must be a uuid/);
  });
});
