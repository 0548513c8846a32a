import { uniqueName } from '@cruddur/devstack';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '@cruddur/db';
import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';
import { SEED_USERS } from '../../seed/seed-users';
import { hasStackTrace, runCli as run } from '../../testing/run-cli';

const runCli = (args: string[], env?: Record<string, string | undefined>) => run('db', args, env);

const serverUrl = process.env.DATABASE_URL!;
const handles = SEED_USERS.map((u) => u.handle);

/** A URL of this suite's server naming a database that does not exist yet. */
function newDatabaseUrl(): { url: string; name: string } {
  const url = new URL(serverUrl);
  const name = uniqueName('cli');
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
    );
  } finally {
    await client.end();
  }
}

describe('pnpm db --help', () => {
  it('describes the program and every command, each with --json', async () => {
    const commands = ['create', 'drop', 'schema-load', 'seed', 'setup', 'update-cognito-user-ids'];
    const [top, ...each] = await Promise.all([
      runCli(['--help']),
      ...commands.map((c) => runCli([c, '--help'])),
    ]);
    expect(top.code).toBe(0);
    for (const command of commands) expect(top.stdout).toContain(command);
    each.forEach((result, i) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: pnpm db ${commands[i]} [options]`);
      expect(result.stdout).toContain('--json');
    });
  });

  it('refuses an unknown command with usage help and a non-zero exit code', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('create and drop', () => {
  it('create makes the database once; running it again is a no-op that says so', async () => {
    const { url, name } = newDatabaseUrl();
    const first = await runCli(['create'], { DATABASE_URL: url });
    expect(first).toMatchObject({ code: 0, stdout: `Created database "${name}".\n` });
    expect(await databaseExists(name)).toBe(true);

    const again = await runCli(['create', '--json'], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ database: name, created: false });
    await dropDatabase(url);
  });

  it('drop refuses without --yes and leaves the database; with --yes it ends open connections and drops it, and again is a no-op', async () => {
    const { url, name } = newDatabaseUrl();
    await createDatabase(url);

    const refused = await runCli(['drop'], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`db drop: refusing to drop database "${name}" without --yes\n`);
    expect(await databaseExists(name)).toBe(true);

    const holder = new pg.Client({ connectionString: url });
    holder.on('error', () => {}); // its connection is about to be terminated
    await holder.connect();
    const dropped = await runCli(['drop', '--yes', '--json'], { DATABASE_URL: url });
    expect(dropped.code).toBe(0);
    expect(JSON.parse(dropped.stdout)).toEqual({ database: name, dropped: true });
    expect(await databaseExists(name)).toBe(false);
    await holder.end().catch(() => {});

    const again = await runCli(['drop', '--yes'], { DATABASE_URL: url });
    expect(again).toMatchObject({
      code: 0,
      stdout: `Database "${name}" does not exist; nothing to do.\n`,
    });
  });

  it("drop refuses the server's own postgres database", async () => {
    const url = new URL(serverUrl);
    url.pathname = '/postgres';
    const result = await runCli(['drop', '--yes'], { DATABASE_URL: url.toString() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refusing to drop the server's own database "postgres"`);
    expect(await databaseExists('postgres')).toBe(true);
  });
});

describe('setup, schema-load and seed', () => {
  it('setup creates, loads and seeds a new database, and a second run changes nothing', async () => {
    const { url, name } = newDatabaseUrl();
    try {
      const first = await runCli(['setup'], { DATABASE_URL: url });
      expect(first.code).toBe(0);
      expect(first.stdout).toBe(
        `Created database "${name}".\nSchema loaded (table users).\nSeed users inserted: @mira, @tomas, @priya, @kenji, @zeynep; already present (left as they are): none.\n`,
      );
      expect(first.stderr).toContain('db setup: loading the schema and seeding…');

      const again = await runCli(['setup', '--json'], { DATABASE_URL: url });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual({
        database: name,
        created: false,
        schemaLoaded: true,
        inserted: [],
        existing: handles,
      });
    } finally {
      await dropDatabase(url);
    }
  });

  describe('on an existing database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase();
    });
    afterAll(() => db.close());

    it('seed before schema-load fails with a hint and writes nothing', async () => {
      const result = await runCli(['seed'], { DATABASE_URL: db.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'db seed: relation "users" does not exist: load the schema with `pnpm db schema-load` (or `pnpm db setup`)\n',
      );
    });

    it('schema-load then seed, each twice, keep one row per seed user', async () => {
      for (let run = 0; run < 2; run++) {
        const schema = await runCli(['schema-load', '--json'], { DATABASE_URL: db.url });
        expect(schema.code).toBe(0);
        expect(JSON.parse(schema.stdout)).toMatchObject({ schemaLoaded: true });
      }
      const first = await runCli(['seed', '--json'], { DATABASE_URL: db.url });
      expect(JSON.parse(first.stdout)).toMatchObject({ inserted: handles, existing: [] });
      const again = await runCli(['seed'], { DATABASE_URL: db.url });
      expect(again).toMatchObject({
        code: 0,
        stdout:
          'Seed users inserted: none; already present (left as they are): @mira, @tomas, @priya, @kenji, @zeynep.\n',
      });
      expect((await db.pool.query('SELECT count(*)::int AS n FROM users')).rows[0]).toEqual({
        n: 5,
      });
    });
  });
});

describe('bad configuration', () => {
  it('a missing or malformed DATABASE_URL stops every command with one readable message', async () => {
    const results = await Promise.all([
      runCli(['create'], { DATABASE_URL: undefined }),
      runCli(['setup', '--json'], { DATABASE_URL: 'mysql://localhost/cruddur' }),
    ]);
    for (const result of results) {
      expect(result.code).toBe(78);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^db (create|setup): invalid configuration\n {2}- DATABASE_URL: /,
      );
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it('an unreachable server or a missing database is one line and exit code 1, also with --json', async () => {
    const unreachable = await runCli(['schema-load'], {
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/cruddur',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      'db schema-load: cannot connect to 127.0.0.1:1 (connection refused): is it running, and is the URL right?\n',
    );
    expect(unreachable.stderr).not.toContain('secret');

    const { url, name } = newDatabaseUrl();
    const missing = await runCli(['seed', '--json'], { DATABASE_URL: url });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: `database "${name}" does not exist: create it with \`pnpm db create\` (or \`pnpm db setup\`)`,
    });
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(missing.stderr)).toBe(false);
  });
});
