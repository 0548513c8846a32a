import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaLoad, USERS_CHANGED_CHANNEL } from './schema';
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
let users: Awaited<ReturnType<typeof listUsers>>;
beforeAll(async () => {
  users = await listUsers(db.pool);
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

describe('the change announcement', () => {
  it('names each users row that is updated or deleted, on its channel', async () => {
    const listener = await db.pool.connect();
    const announced: string[] = [];
    listener.on('notification', (n) => {
      if (n.channel === USERS_CHANGED_CHANNEL) announced.push(n.payload ?? '');
    });
    try {
      await listener.query(`LISTEN ${USERS_CHANGED_CHANNEL}`);
      const [mira, tomas] = ['mira', 'tomas'].map(
        (handle) => users.find((u) => u.handle === handle)!.uuid,
      );
      await db.pool.query("UPDATE users SET display_name = 'Mira M' WHERE handle = 'mira'");
      await db.pool.query("DELETE FROM users WHERE handle = 'tomas'");
      await expect.poll(() => announced).toEqual([mira, tomas]);
    } finally {
      listener.release();
    }
  });
});
