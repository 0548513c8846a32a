import { listAllUsers } from '@cruddur/cognito';
import { createTestPool } from '@cruddur/cognito/testing';
import { findUserByHandle, listUsers } from '@cruddur/db';
import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PASSWORD, SEED_USERS } from '../seed/seed-users';
import { seedUsers } from '../seed/seed-users-table';
import { setupUsersDatabase } from '../seed/setup-users-database';
import { CognitoIdConflictError, updateCognitoUserIds } from './update-cognito-user-ids';

const GHOST = { handle: 'ghost', displayName: 'Not In Postgres', email: 'ghost@cruddur.dev' };

describe('updateCognitoUserIds', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('maps matched handles to their sub and reports Cognito users without a row and rows without a Cognito user', async () => {
    await setupUsersDatabase(db.pool);
    // zeynep is not in Cognito; ghost is not in PostgreSQL.
    const { client: cognito, userPoolId } = await createTestPool(
      [...SEED_USERS.filter((u) => u.handle !== 'zeynep'), GHOST],
      { password: DEV_PASSWORD },
    );
    const subs = new Map(
      (await listAllUsers(cognito, userPoolId)).map((u) => [u.preferredUsername, u.sub]),
    );
    const progress: string[] = [];

    const report = await updateCognitoUserIds({
      pool: db.pool,
      cognito,
      userPoolId,
      onProgress: (m) => progress.push(m),
    });
    expect(report).toEqual({
      updated: ['kenji', 'mira', 'priya', 'tomas'].map((handle) => ({
        handle,
        from: `MOCK-${handle}`,
        to: subs.get(handle),
      })),
      unchanged: [],
      cognitoUsersWithoutRow: [
        { username: expect.any(String) as string, email: GHOST.email, preferredUsername: 'ghost' },
      ],
      rowsWithoutCognitoUser: ['zeynep'],
      ambiguousHandles: [],
    });
    expect((await findUserByHandle(db.pool, 'mira'))?.cognitoUserId).toBe(subs.get('mira'));
    expect((await findUserByHandle(db.pool, 'zeynep'))?.cognitoUserId).toBe('MOCK-zeynep');
    expect(progress.join('\n')).toContain('5 Cognito users listed');

    const again = await updateCognitoUserIds({ pool: db.pool, cognito, userPoolId });
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toEqual(['kenji', 'mira', 'priya', 'tomas']);

    // Seeding afterwards leaves the real ids alone.
    await seedUsers(db.pool);
    expect((await findUserByHandle(db.pool, 'mira'))?.cognitoUserId).toBe(subs.get('mira'));
    cognito.destroy();
  });

  it('moves ids between rows in one transaction when the pool is recreated, and changes nothing when a sub would be held twice', async () => {
    const { client: cognito, userPoolId } = await createTestPool(SEED_USERS, {
      password: DEV_PASSWORD,
    });
    await updateCognitoUserIds({ pool: db.pool, cognito, userPoolId });
    const subs = new Map(
      (await listAllUsers(cognito, userPoolId)).map((u) => [u.preferredUsername!, u.sub]),
    );

    // Swap two ids: the deferred unique check lets the single UPDATE put both right.
    await db.pool.query(
      `UPDATE users SET cognito_user_id = CASE handle WHEN 'mira' THEN $1 ELSE $2 END WHERE handle IN ('mira', 'tomas')`,
      [subs.get('tomas'), subs.get('mira')],
    );
    const swapped = await updateCognitoUserIds({ pool: db.pool, cognito, userPoolId });
    expect(swapped.updated.map((u) => u.handle)).toEqual(['mira', 'tomas']);
    expect((await findUserByHandle(db.pool, 'mira'))?.cognitoUserId).toBe(subs.get('mira'));

    // A row outside Cognito holding mira's sub: the update would duplicate it, so nothing is written.
    await db.pool.query(
      `INSERT INTO users (handle, display_name, email, cognito_user_id) VALUES ('stale', 'Stale', 'stale@example.test', 'placeholder')`,
    );
    await db.pool.query(`UPDATE users SET cognito_user_id = 'old-sub' WHERE handle = 'mira'`);
    await db.pool.query(`UPDATE users SET cognito_user_id = $1 WHERE handle = 'stale'`, [
      subs.get('mira'),
    ]);
    const before = await listUsers(db.pool);
    await expect(
      updateCognitoUserIds({ pool: db.pool, cognito, userPoolId }),
    ).rejects.toBeInstanceOf(CognitoIdConflictError);
    expect(await listUsers(db.pool)).toEqual(before);
    cognito.destroy();
  });
});

describe('updateCognitoUserIds over more users than one ListUsers page', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('maps every one of 75 users', async () => {
    const users = Array.from({ length: 75 }, (_, i) => ({
      handle: `user_${i}`,
      displayName: `User ${i}`,
      email: `user.${i}@example.test`,
    }));
    await setupUsersDatabase(db.pool);
    await seedUsers(db.pool, users);
    const { client: cognito, userPoolId } = await createTestPool(users, { password: DEV_PASSWORD });

    const report = await updateCognitoUserIds({ pool: db.pool, cognito, userPoolId });
    expect(report.updated).toHaveLength(75);
    expect(report.rowsWithoutCognitoUser).toEqual(SEED_USERS.map((u) => u.handle).sort());
    expect(report.cognitoUsersWithoutRow).toEqual([]);
    const ids = (await listUsers(db.pool))
      .filter((u) => u.handle.startsWith('user_'))
      .map((u) => u.cognitoUserId);
    expect(ids.every((id) => id && !id.startsWith('MOCK-'))).toBe(true);
    expect(new Set(ids).size).toBe(75);
    cognito.destroy();
  });
});
