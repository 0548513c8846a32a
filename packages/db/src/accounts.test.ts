import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandleTakenError, insertSignedUpUser, reserveHandle } from './accounts';
import { schemaLoad } from './schema';
import { openTestDatabase, type TestDatabase } from './testing/test-database';
import { insertUsers, listUsers } from './user';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await schemaLoad(db.pool);
  await insertUsers(db.pool, [
    { handle: 'mira', displayName: 'Mira', email: 'mira@example.test', cognitoUserId: 'sub-mira' },
  ]);
});
afterAll(() => db.close());

const person = (handle: string) => ({
  handle,
  displayName: `Person ${handle}`,
  email: `${handle}@example.test`,
  cognitoUserId: randomUUID(),
});

describe('reserveHandle', () => {
  it('refuses a handle that a users row has', async () => {
    await expect(
      reserveHandle(db.pool, { handle: 'mira', email: 'x@example.test' }),
    ).rejects.toBeInstanceOf(HandleTakenError);
  });

  it('holds a handle for one address, which may sign up again; another must wait', async () => {
    await reserveHandle(db.pool, { handle: 'ana', email: 'ana@example.test' });
    await reserveHandle(db.pool, { handle: 'ana', email: 'ana@example.test' });
    await expect(
      reserveHandle(db.pool, { handle: 'ana', email: 'other@example.test' }),
    ).rejects.toBeInstanceOf(HandleTakenError);
    // Once the hold has run out, the handle is free for anyone.
    await db.pool.query(
      "UPDATE handle_reservations SET reserved_at = now() - interval '25 hours' WHERE handle = 'ana'",
    );
    await reserveHandle(db.pool, { handle: 'ana', email: 'other@example.test' });
  });

  it('gives a contested handle to exactly one of many simultaneous sign-ups', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        reserveHandle(db.pool, { handle: 'busy', email: `p${i}@example.test` }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('insertSignedUpUser', () => {
  it('makes one row however often it runs, even at the same time, and releases the hold', async () => {
    const ben = person('ben');
    await reserveHandle(db.pool, { handle: 'ben', email: ben.email });
    const runs = await Promise.all([
      insertSignedUpUser(db.pool, ben),
      insertSignedUpUser(db.pool, ben),
      insertSignedUpUser(db.pool, ben),
    ]);
    expect(runs.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(runs.map((r) => r.uuid)).size).toBe(1);
    expect((await listUsers(db.pool)).filter((u) => u.handle === 'ben')).toHaveLength(1);
    const held = await db.pool.query("SELECT 1 FROM handle_reservations WHERE handle = 'ben'");
    expect(held.rowCount).toBe(0);
  });

  it('refuses, writing nothing, when another person has the handle', async () => {
    const before = await listUsers(db.pool);
    await expect(insertSignedUpUser(db.pool, person('mira'))).rejects.toBeInstanceOf(
      HandleTakenError,
    );
    expect(await listUsers(db.pool)).toEqual(before);
  });

  it('leaves the table’s own checks in force', async () => {
    await expect(
      insertSignedUpUser(db.pool, { ...person('bad_name'), displayName: '  ' }),
    ).rejects.toMatchObject({ constraint: 'users_display_name_not_blank' });
  });
});
