import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPool, testCognito } from '@cruddur/cognito/testing';
import { findUserByHandle } from '@cruddur/db';
import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';
import { DEV_PASSWORD, SEED_USERS } from '../../seed/seed-users';
import { setupUsersDatabase } from '../../seed/setup-users-database';
import { hasStackTrace, runCli as run } from '../../testing/run-cli';

const runCli = (args: string[], env?: Record<string, string | undefined>) => run('db', args, env);

const GHOST = { handle: 'ghost', displayName: 'Not In Postgres', email: 'ghost@cruddur.dev' };
let db: TestDatabase;
let userPoolId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await setupUsersDatabase(db.pool);
  const pool = await createTestPool([...SEED_USERS.filter((u) => u.handle !== 'zeynep'), GHOST], {
    password: DEV_PASSWORD,
  });
  userPoolId = pool.userPoolId;
  pool.client.destroy();
});
afterAll(() => db.close());

const env = () => ({
  ...testCognito().env,
  DATABASE_URL: db.url,
  COGNITO_USER_POOL_ID: userPoolId,
  COGNITO_CLIENT_ID: undefined,
});

describe('pnpm db update-cognito-user-ids', () => {
  it('prints all four sections, says what could not be matched and exits 0; a second run reports everything unchanged', async () => {
    const first = await runCli(['update-cognito-user-ids'], env());
    expect(first.code).toBe(0);
    const mira = await findUserByHandle(db.pool, 'mira');
    expect(first.stdout).toContain(
      `Cognito pool ${userPoolId}\nUpdated (4):\n  @kenji: MOCK-kenji → `,
    );
    expect(first.stdout).toContain(`  @mira: MOCK-mira → ${mira?.cognitoUserId}\n`);
    expect(first.stdout).toContain('Unchanged (0):\n  none\n');
    expect(first.stdout).toContain(
      'Cognito users without a row (1):\n  ghost@cruddur.dev (preferred_username: ghost)\n',
    );
    expect(first.stdout).toContain(
      'Rows without a Cognito user (1):\n  @zeynep (cognito_user_id left as it was)\n',
    );
    expect(first.stdout).toContain('Done, but 2 could not be matched (see above).');
    expect(first.stderr).toContain('5 Cognito users listed');

    const again = await runCli(['update-cognito-user-ids', '--json'], env());
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      userPoolId,
      updated: [],
      unchanged: ['kenji', 'mira', 'priya', 'tomas'],
      cognitoUsersWithoutRow: [
        { username: expect.any(String) as string, email: GHOST.email, preferredUsername: 'ghost' },
      ],
      rowsWithoutCognitoUser: ['zeynep'],
      ambiguousHandles: [],
    });
  });

  it('needs the Cognito settings, and names an unknown pool in one line with exit code 1', async () => {
    const [missing, unknown] = await Promise.all([
      runCli(['update-cognito-user-ids'], { ...env(), COGNITO_USER_POOL_ID: undefined }),
      runCli(['update-cognito-user-ids'], {
        ...env(),
        COGNITO_USER_POOL_ID: 'us-east-1_nosuchpool',
      }),
    ]);
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain('COGNITO_USER_POOL_ID: is required');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n').at(-1)).toMatch(
      /^db update-cognito-user-ids: .*us-east-1_nosuchpool/,
    );
    expect(hasStackTrace(unknown.stderr)).toBe(false);
  });
});
