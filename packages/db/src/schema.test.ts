import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaLoad } from './schema';
import { openTestDatabase, type TestDatabase } from './testing/test-database';
import { insertUsers, listUsers } from './user';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await schemaLoad(db.pool);
  await insertUsers(db.pool, [
    { handle: 'mira', displayName: 'Mira', email: 'mira@example.test', cognitoUserId: null },
    {
      handle: 'tomas',
      displayName: 'Tomás',
      email: 'tomas@example.test',
      cognitoUserId: 'real-sub-of-tomas',
    },
  ]);
});
afterAll(() => db.close());

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
