import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../model/errors';
import { listMessageGroups } from './b-list-message-groups';
import { formatTimestamp } from '../internal/timestamp';
import { conversationAt, createTestTable, someone, type TestTable } from '../testing/test-table';
import { type MessageGroup } from '../model/types';

let ctx: TestTable;
const mira = someone('mira');
const partners = Array.from({ length: 23 }, (_, i) => someone(`friend${i}`));
// One conversation a day across New Year, each with a single message.
const DAY_MS = 86_400_000;
const times = partners.map((_, i) =>
  formatTimestamp(new Date(Date.parse('2025-12-20T09:00:00.000Z') + i * DAY_MS)),
);
const groups: string[] = [];

beforeAll(async () => {
  ctx = await createTestTable();
  for (const [i, partner] of partners.entries()) {
    groups.push(await conversationAt(ctx, mira, partner, [times[i]!]));
  }
});
afterAll(() => ctx?.close());

describe('listMessageGroups (pattern B)', () => {
  it("lists the user's conversations newest first, each showing the other participant", async () => {
    const page = await listMessageGroups(ctx, mira.uuid, { limit: 3 });
    expect(page.items.map((g) => g.messageGroupUuid)).toEqual(groups.slice(-3).reverse());
    expect(page.items[0]).toEqual({
      messageGroupUuid: groups.at(-1),
      lastMessage: 'line 1',
      lastMessageDeleted: false,
      lastMessageAt: times.at(-1),
      other: partners.at(-1),
      unread: 0,
      readAt: times.at(-1),
      rev: 1,
    });
  });

  it('shows the partner the conversation from their side too', async () => {
    const { items } = await listMessageGroups(ctx, partners[0]!.uuid);
    expect(items).toHaveLength(1);
    expect(items[0]?.other).toEqual(mira);
  });

  it('reaches every conversation across pages, in both years, none twice', async () => {
    const seen: MessageGroup[] = [];
    let cursor: string | null = null;
    do {
      const page = await listMessageGroups(ctx, mira.uuid, { limit: 5, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((g) => g.messageGroupUuid)).toEqual(groups.toReversed());
    expect(seen.some((g) => g.lastMessageAt.startsWith('2025'))).toBe(true);
    expect(seen.some((g) => g.lastMessageAt.startsWith('2026'))).toBe(true);
  });

  it("refuses a cursor from another user's list", async () => {
    const { nextCursor } = await listMessageGroups(ctx, mira.uuid, { limit: 2 });
    await expect(listMessageGroups(ctx, partners[1]!.uuid, { cursor: nextCursor })).rejects.toThrow(
      InvalidCursorError,
    );
  });
});
