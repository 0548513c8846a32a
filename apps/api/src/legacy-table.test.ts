import { migrateTable } from '@cruddur/admin';
import { originalConversation, originalCreateMessageGroup } from '@cruddur/ddb/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';
import { expectTRPCError } from './testing/expect-error';

/**
 * A team switching from the original Python Cruddur: the API runs on the table the original
 * created and filled, first as it is, then after `pnpm ddb migrate`.
 */
let fx: ApiFixture;
let chicago: { messageGroupUuid: string; sks: string[] };
let older: { messageGroupUuid: string };
let kolkata: { messageGroupUuid: string };
const stateDir = mkdtempSync(join(tmpdir(), 'api-migrate-'));
const MARCH_2023 = Date.parse('2023-03-22T19:03:07.000Z') * 1000;

beforeAll(async () => {
  fx = await startApiFixture({ originalTable: true });
  const { mira, tomas, priya } = fx.users;
  const w = { client: fx.ddb.client, tableName: fx.ddb.tableName };
  older = await originalCreateMessageGroup(
    { ...w, at: MARCH_2023 - 86_400_000_000 },
    tomas,
    mira,
    'the first group',
  );
  chicago = await originalConversation(
    { ...w, at: MARCH_2023 + 123_456, offsetMinutes: -300 },
    mira,
    tomas,
    ['one', 'two', 'three', 'four', 'five'],
  );
  kolkata = await originalConversation({ ...w, at: MARCH_2023, offsetMinutes: 330 }, priya, mira, [
    'namaste',
  ]);
});
afterAll(async () => {
  await fx?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Everything a member does with an old conversation, and what others may not do. */
async function useOldConversations(round: string) {
  const { mira, tomas, priya, zeynep } = fx.users;
  const groups = await fx.client(mira).messageGroups.list.query({});
  // Latest first (no worker runs here: the rows stay on the original's last messages).
  expect(groups.items.map((g) => [g.other.handle, g.messageGroupUuid])).toEqual([
    ['tomas', chicago.messageGroupUuid],
    ['priya', kolkata.messageGroupUuid],
    ['tomas', older.messageGroupUuid],
  ]);

  // A member pages through the whole conversation, three at a time, back to its first message.
  const texts: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { message: string }[]; nextCursor: string | null } = await fx
      .client(tomas)
      .messages.list.query({ messageGroupUuid: chicago.messageGroupUuid, limit: 3, cursor });
    texts.unshift(...page.items.map((m) => m.message));
    cursor = page.nextCursor;
  } while (cursor);
  expect(texts.slice(0, 5)).toEqual(['one', 'two', 'three', 'four', 'five']);

  const reply = await fx.client(mira).messages.create.mutate({
    messageGroupUuid: chicago.messageGroupUuid,
    message: `reply ${round}`,
  });
  expect(reply.message.sender.handle).toBe('mira');
  // Writing to tomas by handle goes into the conversation they are having, not a new one.
  const byHandle = await fx
    .client(tomas)
    .messages.create.mutate({ handle: 'mira', message: `by handle ${round}` });
  expect(byHandle.messageGroupUuid).toBe(chicago.messageGroupUuid);
  const older_ = await fx
    .client(tomas)
    .messages.list.query({ messageGroupUuid: older.messageGroupUuid });
  expect(older_.items.map((m) => m.message)).toEqual(['the first group']);

  for (const outsider of [priya, zeynep]) {
    await expectTRPCError(
      fx.client(outsider).messages.list.query({ messageGroupUuid: chicago.messageGroupUuid }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      fx.client(outsider).messages.create.mutate({
        messageGroupUuid: chicago.messageGroupUuid,
        message: 'let me in',
      }),
      'FORBIDDEN',
    );
  }
}

describe('the API on a table only the original wrote', () => {
  it('lets both members list, open, page and answer their old conversations, before migrating', async () => {
    await useOldConversations('before');
  });

  it('does the same after pnpm ddb migrate, and nothing a member sees changed but the new messages', async () => {
    const before = await fx
      .client(fx.users.tomas)
      .messages.list.query({ messageGroupUuid: chicago.messageGroupUuid, limit: 100 });
    const report = await migrateTable(fx.ddb, { statePath: join(stateDir, 'state.json') });
    expect(report.anomalies).toMatchObject({ notTwoPeople: [], missingRows: [] });
    const after = await fx
      .client(fx.users.tomas)
      .messages.list.query({ messageGroupUuid: chicago.messageGroupUuid, limit: 100 });
    expect(after.items).toEqual(before.items);
    await useOldConversations('after');
  });
});
