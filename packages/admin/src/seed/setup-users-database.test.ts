import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByHandle, listUsers, schemaLoad } from '@cruddur/db';
import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';
import { SEED_USERS } from './seed-users';
import { seedUsers } from './seed-users-table';
import { setupUsersDatabase } from './setup-users-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const handles = SEED_USERS.map((u) => u.handle);

describe('setup', () => {
  it('loads the schema and seeds the five users, and a second run changes nothing', async () => {
    expect(await setupUsersDatabase(db.pool)).toEqual({ inserted: handles, existing: [] });
    const before = await listUsers(db.pool);
    expect(await setupUsersDatabase(db.pool)).toEqual({ inserted: [], existing: handles });
    expect(await listUsers(db.pool)).toEqual(before);
  });

  it('survives concurrent schema loads', async () => {
    await Promise.all([schemaLoad(db.pool), schemaLoad(db.pool), schemaLoad(db.pool)]);
    expect(await listUsers(db.pool)).toHaveLength(5);
  });

  it('never puts a real Cognito id back to its placeholder, and restores a deleted seed user', async () => {
    await db.pool.query(
      "UPDATE users SET cognito_user_id = 'real-sub-of-tomas' WHERE handle = 'tomas'",
    );
    await db.pool.query("DELETE FROM users WHERE handle = 'zeynep'");
    expect(await seedUsers(db.pool)).toEqual({
      inserted: ['zeynep'],
      existing: handles.filter((h) => h !== 'zeynep'),
    });
    expect((await findUserByHandle(db.pool, 'tomas'))?.cognitoUserId).toBe('real-sub-of-tomas');
    expect((await findUserByHandle(db.pool, 'zeynep'))?.cognitoUserId).toBe('MOCK-zeynep');
  });
});
