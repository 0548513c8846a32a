import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaLoad } from './schema';
import { seed } from './seed';
import { SEED_USERS } from './seed-users';
import { setup } from './setup';
import { openTestDatabase, type TestDatabase } from './test/test-database';
import { findUserByHandle, listUsers } from './user';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const handles = SEED_USERS.map((u) => u.handle);

describe('setup', () => {
  it('loads the schema and seeds the five users, and a second run changes nothing', async () => {
    expect(await setup(db.pool)).toEqual({ inserted: handles, existing: [] });
    const before = await listUsers(db.pool);
    expect(await setup(db.pool)).toEqual({ inserted: [], existing: handles });
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
    expect(await seed(db.pool)).toEqual({
      inserted: ['zeynep'],
      existing: handles.filter((h) => h !== 'zeynep'),
    });
    expect((await findUserByHandle(db.pool, 'tomas'))?.cognitoUserId).toBe('real-sub-of-tomas');
    expect((await findUserByHandle(db.pool, 'zeynep'))?.cognitoUserId).toBe('MOCK-zeynep');
  });
});

describe('schema checks', () => {
  const insert = (
    handle: string,
    displayName = 'Someone',
    email = 'someone@example.test',
    cognitoUserId: string | null = null,
  ) =>
    db.pool.query(
      'INSERT INTO users (handle, display_name, email, cognito_user_id) VALUES ($1, $2, $3, $4)',
      [handle, displayName, email, cognitoUserId],
    );

  it.each([
    ['a blank handle', () => insert(''), 'users_handle_format'],
    ['a handle with spaces', () => insert('a b'), 'users_handle_format'],
    ['an upper-case handle', () => insert('Mira2'), 'users_handle_format'],
    ['a 65-character handle', () => insert('a'.repeat(65)), 'users_handle_format'],
    ['a taken handle', () => insert('mira'), 'users_handle_key'],
    ['a blank display name', () => insert('blank_name', '   '), 'users_display_name_not_blank'],
    ['an email without @', () => insert('bad_email', 'Someone', 'nobody'), 'users_email_format'],
    [
      'a taken Cognito id',
      () => insert('second_tomas', 'Someone', 'x@example.test', 'real-sub-of-tomas'),
      'users_cognito_user_id_key',
    ],
    [
      'a blank Cognito id',
      () => insert('blank_sub', 'Someone', 'x@example.test', ' '),
      'users_cognito_user_id_not_blank',
    ],
  ])('refuse %s and write nothing', async (_what, attempt, constraint) => {
    const count = (await listUsers(db.pool)).length;
    await expect(attempt()).rejects.toMatchObject({ constraint });
    expect(await listUsers(db.pool)).toHaveLength(count);
  });
});
