import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksBetween, blockUser, listBlocked, unblockUser } from './blocks';
import { schemaLoad } from './schema';
import { openTestDatabase, type TestDatabase } from './testing/test-database';
import { findUserByHandle, insertUsers } from './user';

let db: TestDatabase;
const uuids: Record<string, string> = {};
beforeAll(async () => {
  db = await openTestDatabase();
  await schemaLoad(db.pool);
  const handles = ['ana', 'ben', 'cy', 'dee'];
  await insertUsers(
    db.pool,
    handles.map((handle) => ({
      handle,
      displayName: handle.toUpperCase(),
      email: `${handle}@example.test`,
      cognitoUserId: null,
    })),
  );
  for (const handle of handles) uuids[handle] = (await findUserByHandle(db.pool, handle))!.uuid;
});
afterAll(() => db.close());

describe('blocks', () => {
  it('are made and removed idempotently, and say which way they go', async () => {
    const { ana, ben } = uuids as Record<'ana' | 'ben', string>;
    expect(await blocksBetween(db.pool, ana, ben)).toEqual({ aBlockedB: false, bBlockedA: false });
    expect(await blockUser(db.pool, ana, ben)).toBe(true);
    expect(await blockUser(db.pool, ana, ben)).toBe(false);
    expect(await blocksBetween(db.pool, ana, ben)).toEqual({ aBlockedB: true, bBlockedA: false });
    expect(await blocksBetween(db.pool, ben, ana)).toEqual({ aBlockedB: false, bBlockedA: true });
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM blocks');
    expect(rows[0]).toEqual({ n: 1 });
    expect(await unblockUser(db.pool, ana, ben)).toBe(true);
    expect(await unblockUser(db.pool, ana, ben)).toBe(false);
    expect(await blocksBetween(db.pool, ana, ben)).toEqual({ aBlockedB: false, bBlockedA: false });
  });

  it('refuse blocking yourself', async () => {
    await expect(blockUser(db.pool, uuids.ana!, uuids.ana!)).rejects.toMatchObject({
      constraint: 'blocks_not_self',
    });
  });

  it('list the people blocked, newest first, a page at a time', async () => {
    const { ana, ben, cy, dee } = uuids as Record<'ana' | 'ben' | 'cy' | 'dee', string>;
    for (const blocked of [ben, cy, dee]) await blockUser(db.pool, ana, blocked);
    const first = await listBlocked(db.pool, ana, { limit: 2 });
    expect(first.items.map((p) => p.handle)).toEqual(['dee', 'cy']);
    expect(first.next).not.toBeNull();
    const second = await listBlocked(db.pool, ana, { limit: 2, after: first.next! });
    expect(second.items.map((p) => p.handle)).toEqual(['ben']);
    expect(second.next).toBeNull();
    expect((await listBlocked(db.pool, ben, { limit: 2 })).items).toEqual([]);
  });

  it('go with the person deleted', async () => {
    await db.pool.query('DELETE FROM users WHERE uuid = $1', [uuids.dee]);
    expect(
      (await listBlocked(db.pool, uuids.ana!, { limit: 10 })).items.map((p) => p.handle),
    ).toEqual(['cy', 'ben']);
  });
});
