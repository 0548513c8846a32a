import { uniqueName } from '@cruddur/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '@cruddur/ddb/testing';
import { CONVERSATION } from '../../seed/conversation';
import {
  runCli as run,
  tableEnv as serviceEnv,
  type CliResult as CliRun,
} from '../../testing/run-cli';
import { createUsersDatabase, type TestDatabase } from '../../testing/users-database';

const runCli = (args: string[], env: Record<string, string | undefined>) => run('ddb', args, env);

let table: TestTable;
let db: TestDatabase;
let env: Record<string, string | undefined>;
let group: string;

const json = <T>(run: CliRun) => JSON.parse(run.stdout) as T;
interface PageJson {
  items: { message: string; createdAt: string; sender: { handle: string } }[];
  nextCursor: string | null;
  consumedCapacity: number;
}

beforeAll(async () => {
  [table, db] = await Promise.all([createTestTable(), createUsersDatabase()]);
  env = serviceEnv(table.tableName, { DATABASE_URL: db.url });
});
afterAll(async () => {
  await table?.close();
  await db?.close();
});

// Each run starts a Node process: generous timeouts for a busy CI machine.
describe('pnpm ddb seed', { timeout: 120_000 }, () => {
  it('seeds mira and tomas with progress, then declines politely the second time', async () => {
    const first = await runCli(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('seeded 1/32 messages\n');
    expect(first.stderr).toContain(
      `seeded ${CONVERSATION.length}/${CONVERSATION.length} messages\n`,
    );
    const match = /^Seeded 32 messages between @mira and @tomas in group ([0-9a-f-]{36})\n$/.exec(
      first.stdout,
    );
    expect(match).not.toBeNull();
    group = match![1]!;

    const again = await runCli(['seed', '--json', '--from', 'tomas', '--to', 'mira'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(json<{ created: boolean; messageGroupUuid: string }>(again)).toMatchObject({
      created: false,
      messageGroupUuid: group,
      messages: 0,
    });
  });

  it('fails in one line for an unknown handle and names a missing DATABASE_URL', async () => {
    const unknown = await runCli(['seed', '--to', 'ghost'], env);
    expect([unknown.code, unknown.stdout]).toEqual([1, '']);
    expect(unknown.stderr).toBe(
      'ddb seed: no user has the handle "ghost" in PostgreSQL (load the users first: pnpm db setup)\n',
    );

    const noDatabase = await runCli(['seed'], { ...env, DATABASE_URL: undefined });
    expect(noDatabase.code).toBe(78);
    expect(noDatabase.stderr).toContain('DATABASE_URL: is required');
  });
});

describe('pnpm ddb scan and patterns', { timeout: 120_000 }, () => {
  it('scan shows every item as a readable table, or as JSON', async () => {
    const human = await runCli(['scan'], env);
    expect(human.code).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KIND\s+PK\s+SK\s+DETAILS$/);
    expect(human.stdout).toContain(`@mira: ${CONVERSATION[0]!.text.slice(0, 40)}…`);
    expect(human.stdout).toMatch(/group row\s+GRP#\S+\s+\S+\s+with @tomas/);
    expect(human.stdout).toMatch(/pair\s+PAIR#/);
    // 32 messages (their ids carry their times: no guard items), 2 group rows, the members, the
    // pair guard and the table's schema note.
    expect(lines.at(-1)).toBe(`37 items in ${table.tableName}`);

    const items = json<Record<string, string>[]>(
      await runCli(['scan', '--json', '--limit', '5'], env),
    );
    expect(items).toHaveLength(5);
    expect(Object.keys(items[0]!)).toEqual(expect.arrayContaining(['pk', 'sk']));
  });

  it('get-conversation shows sender, local time and 40 characters, oldest first, with consumed capacity', async () => {
    const run = await runCli(['patterns', 'get-conversation', group, '--limit', '5'], {
      ...env,
      TZ: 'Asia/Tokyo',
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+FROM\s+MESSAGE$/);
    const rows = lines.slice(2, 7);
    expect(rows.map((r) => r.split(/\s{2,}/)[2])).toEqual(
      CONVERSATION.slice(-5).map((l) =>
        [...l.text].length > 40 ? `${[...l.text].slice(0, 40).join('')}…` : l.text,
      ),
    );
    expect(rows.map((r) => r.split(/\s{2,}/)[1])).toEqual(
      CONVERSATION.slice(-5).map((l) => (l.from === 'a' ? '@mira' : '@tomas')),
    );

    const page = json<PageJson>(
      await runCli(['patterns', 'get-conversation', group, '--limit', '5', '--json'], env),
    );
    // The last line was sent "now": Tokyo is 9 hours ahead of UTC.
    const tokyo = new Date(Date.parse(page.items.at(-1)!.createdAt) + 9 * 3_600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    expect(rows.at(-1)).toMatch(new RegExp(`^${tokyo}`));
    expect(lines.at(-2)).toMatch(/^5 messages, oldest first; consumed capacity: [\d.]+ RCU$/);
    expect(lines.at(-1)).toBe(`older messages: --cursor ${page.nextCursor}`);
    expect(page.consumedCapacity).toBeGreaterThan(0);

    const older = json<PageJson>(
      await runCli(
        [
          'patterns',
          'get-conversation',
          group,
          '--limit',
          '5',
          '--json',
          '--cursor',
          page.nextCursor!,
        ],
        env,
      ),
    );
    expect(older.items.map((m) => m.message)).toEqual(
      CONVERSATION.slice(-10, -5).map((l) => l.text),
    );
  });

  it('list-conversations shows the user’s groups, latest first, with consumed capacity', async () => {
    const run = await runCli(['patterns', 'list-conversations', '@tomas'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`@mira\\s+${group}\\s+${CONVERSATION.at(-1)!.text.slice(0, 40)}`),
    );
    expect(run.stdout).toMatch(
      /1 conversation of @tomas, latest first; consumed capacity: [\d.]+ RCU/,
    );
    const page = json<{ items: { messageGroupUuid: string }[]; consumedCapacity: number }>(
      await runCli(['patterns', 'list-conversations', 'mira', '--json'], env),
    );
    expect(page.items.map((g) => g.messageGroupUuid)).toEqual([group]);
    expect(page.consumedCapacity).toBeGreaterThan(0);
  });

  it('fails in one line, exit 1, for an unknown group or handle, a bad cursor and a missing table', async () => {
    const [unknownGroup, notUuid, badCursor, unknownHandle, noTable] = await Promise.all([
      runCli(['patterns', 'get-conversation', '5f0d6f4e-3c52-4d0e-9b3a-2f1f7c1f9a10'], env),
      runCli(['patterns', 'get-conversation', 'MSG#1'], env),
      runCli(['patterns', 'get-conversation', group, '--cursor', 'bogus'], env),
      runCli(['patterns', 'list-conversations', 'ghost'], env),
      runCli(['patterns', 'get-conversation', group], {
        ...env,
        DDB_TABLE_NAME: uniqueName('missing'),
      }),
    ]);
    for (const run of [unknownGroup, notUuid, badCursor, unknownHandle, noTable]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toHaveLength(2); // one line and its newline
    }
    expect(unknownGroup.stderr).toBe(
      `ddb patterns get-conversation: no message group 5f0d6f4e-3c52-4d0e-9b3a-2f1f7c1f9a10 in table ${table.tableName}\n`,
    );
    expect(notUuid.stderr).toBe('ddb patterns get-conversation: group-uuid: must be a uuid\n');
    expect(badCursor.stderr).toBe(
      'ddb patterns get-conversation: invalid cursor: not a cursor handed out by this list\n',
    );
    expect(unknownHandle.stderr).toContain('no user has the handle "ghost"');
    expect(noTable.stderr).toMatch(
      /^ddb patterns get-conversation: table missing_\w+ does not exist/,
    );
  });
});
