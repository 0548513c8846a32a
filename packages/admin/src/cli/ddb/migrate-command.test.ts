import { DeleteItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  findPairGroup,
  listMessages,
  META_KEY,
  parseSortKey,
  readMembers,
  rowOf,
  TIMESTAMP_PATTERN,
} from '@cruddur/ddb';
import {
  createTestTable,
  originalConversation,
  originalCreateMessageGroup,
  snapshot,
  someone,
} from '@cruddur/ddb/testing';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MigrationReport } from '../../migrate/migrate-table';
import { runCli as run, tableEnv } from '../../testing/run-cli';

const MARCH_2023 = Date.parse('2023-03-22T19:03:07.000Z') * 1000;
const people = ['mira', 'tomas', 'priya', 'kenji', 'zeynep'].map(someone);
const [mira, tomas, priya, kenji, zeynep] = people as [
  (typeof people)[0],
  (typeof people)[0],
  (typeof people)[0],
  (typeof people)[0],
  (typeof people)[0],
];

/** A table only the original Python code wrote, with every kind of data it left behind. */
async function legacyTable() {
  const table = await createTestTable('migrate', { original: true });
  const w = { client: table.client, tableName: table.tableName };
  const chicago = await originalConversation(
    { ...w, at: MARCH_2023 + 123_456, offsetMinutes: -300 },
    mira,
    tomas,
    ['hola', 'hi back', 'weather?'],
  );
  // The original made a second group when someone wrote to a person they already talked to.
  const older = await originalCreateMessageGroup(
    { ...w, at: MARCH_2023 - 86_400_000_000 },
    tomas,
    mira,
    'old group',
  );
  const kolkata = await originalConversation(
    { ...w, at: MARCH_2023, offsetMinutes: 330 },
    priya,
    mira,
    ['namaste'],
  );
  // A crash of the original between delete and put: zeynep lost her row of this group.
  const lost = await originalCreateMessageGroup(
    { ...w, at: MARCH_2023 + 1 },
    kenji,
    zeynep,
    'are you there?',
  );
  await table.client.send(
    new DeleteItemCommand({
      TableName: table.tableName,
      Key: { pk: { S: `GRP#${zeynep.uuid}` }, sk: { S: lost.sk } },
    }),
  );
  // Something the original could not have read either.
  await table.client.send(
    new PutItemCommand({
      TableName: table.tableName,
      Item: { pk: { S: `MSG#${chicago.messageGroupUuid}` }, sk: { S: 'yesterday' } },
    }),
  );
  return { table, chicago, older, kolkata, lost };
}

let legacy: Awaited<ReturnType<typeof legacyTable>>;
let env: Record<string, string | undefined>;
const stateDir = mkdtempSync(join(tmpdir(), 'migrate-state-'));
const runCli = (args: string[], extra: Record<string, string | undefined> = {}) =>
  run('ddb', args, { ...env, ...extra });
const report = (stdout: string) => JSON.parse(stdout) as MigrationReport;

beforeAll(async () => {
  legacy = await legacyTable();
  env = tableEnv(legacy.table.tableName);
});
afterAll(async () => {
  await legacy?.table.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('pnpm ddb schema-load on a table the original created', { timeout: 120_000 }, () => {
  it('turns the stream on and says so; a second run changes nothing', async () => {
    const first = await runCli(['schema-load']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('turned its stream on (NEW_AND_OLD_IMAGES)');
    const again = await runCli(['schema-load']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; nothing changed');
  });
});

describe('pnpm ddb migrate', { timeout: 180_000 }, () => {
  const state = join(stateDir, 'state.json');

  it('reports what it would do in a dry run, and writes nothing', async () => {
    const before = await snapshot(legacy.table);
    const dry = await runCli(['migrate', '--dry-run', '--json', '--state', state]);
    expect(dry.code).toBe(0);
    const r = report(dry.stdout);
    expect(r).toMatchObject({
      dryRun: true,
      // Every key carries an offset or lacks a fraction, but those of the group written on a
      // UTC host in a microsecond that was not 0 (what this project writes too).
      rewritten: { messages: 5, rows: 6 },
      groups: { total: 4, membershipRecorded: 4 },
      pairs: { total: 3, guardsWritten: 3 },
      rowsRestored: [{ group: legacy.lost.messageGroupUuid, member: zeynep.uuid }],
    });
    expect(r.pairs.severalGroups).toEqual([
      {
        members: [mira.uuid, tomas.uuid].sort(),
        canonical: legacy.chicago.messageGroupUuid,
        others: [legacy.older.messageGroupUuid],
      },
    ]);
    expect(r.anomalies.unreadable.map((u) => u.key)).toEqual([
      `MSG#${legacy.chicago.messageGroupUuid} / yesterday`,
    ]);
    expect(await snapshot(legacy.table)).toEqual(before);
    expect(existsSync(state)).toBe(false);
  });

  it('brings the table up to the model, and a second run changes nothing', async () => {
    const messagesBefore = await listMessages(legacy.table, legacy.chicago.messageGroupUuid);
    const first = await runCli(['migrate', '--state', state]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('sort keys made canonical: 5 messages, 6 group rows');
    expect(first.stdout).toContain(
      `new messages go to ${legacy.chicago.messageGroupUuid} (the latest)`,
    );
    expect(first.stderr).toMatch(/scanned \d+ items/);

    // Every message and row is at the canonical key of the same instant; nothing was lost.
    const items = (await snapshot(legacy.table)).map(
      (json) => JSON.parse(json) as Record<string, string>,
    );
    const keyed = items.filter((i) => /^(MSG|GRP)#/.test(i.pk!) && i.sk !== 'yesterday');
    expect(keyed.every((i) => TIMESTAMP_PATTERN.test(i.sk!))).toBe(true);
    const messagesAfter = await listMessages(legacy.table, legacy.chicago.messageGroupUuid);
    expect(messagesAfter.items.map((m) => [m.message, m.createdAt])).toEqual(
      messagesBefore.items.map((m) => [m.message, m.createdAt]),
    );
    // Memberships, the pair guard on the latest group, the restored row, the table's note.
    expect(await readMembers(legacy.table, legacy.older.messageGroupUuid)).toEqual(
      [mira.uuid, tomas.uuid].sort(),
    );
    expect(await findPairGroup(legacy.table, tomas.uuid, mira.uuid)).toBe(
      legacy.chicago.messageGroupUuid,
    );
    expect(
      (await rowOf(legacy.table, zeynep.uuid, legacy.lost.messageGroupUuid))?.item.message,
    ).toBe('are you there?');
    const { Item: meta } = await legacy.table.doc.send(
      new GetCommand({ TableName: legacy.table.tableName, Key: META_KEY }),
    );
    expect(meta).toMatchObject({ legacy_pairs: false });
    expect(existsSync(state)).toBe(false);

    // The original's stream handler's query still finds exactly a group's two rows.
    const { Items = [] } = await legacy.table.client.send(
      new QueryCommand({
        TableName: legacy.table.tableName,
        IndexName: 'message-group-sk-index',
        KeyConditionExpression: 'message_group_uuid = :g',
        ExpressionAttributeValues: { ':g': { S: legacy.kolkata.messageGroupUuid } },
      }),
    );
    expect(Items.map((i) => i.pk?.S).sort()).toEqual(
      [`GRP#${priya.uuid}`, `GRP#${mira.uuid}`].sort(),
    );

    const settled = await snapshot(legacy.table);
    const again = await runCli(['migrate', '--json', '--state', state]);
    expect(again.code).toBe(0);
    expect(report(again.stdout)).toMatchObject({
      rewritten: { messages: 0, rows: 0 },
      groups: { membershipRecorded: 0 },
      pairs: { guardsWritten: 0 },
      rowsRestored: [],
    });
    expect(await snapshot(legacy.table)).toEqual(settled);
  });

  it('resumes after Ctrl-C where it stopped, and ends as an uninterrupted run', async () => {
    const big = await createTestTable('migrate_big', { original: true });
    try {
      const w = { client: big.client, tableName: big.tableName };
      for (let i = 0; i < 40; i++)
        await originalCreateMessageGroup(
          { ...w, at: MARCH_2023 + i * 1_000_000, offsetMinutes: -300 },
          someone('a'),
          someone('b'),
          `chat ${i}`,
        );
      const bigState = join(stateDir, 'big.json');
      const bigEnv = { ...env, ...tableEnv(big.tableName) };
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/ddb/main.ts', 'migrate', '--rate', '20', '--state', bigState],
        {
          cwd: fileURLToPath(new URL('../../..', import.meta.url)),
          env: { ...process.env, ...bigEnv },
        },
      );
      let stderr = '';
      let interrupted = false;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (interrupted || !/scanned \d+ items/.test(stderr)) return;
        interrupted = true;
        child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/interrupted after \d+ items; run the same command again to resume/);
      expect(existsSync(bigState)).toBe(true);

      const resumed = await run('ddb', ['migrate', '--json', '--state', bigState], bigEnv);
      expect(resumed.code).toBe(0);
      expect(report(resumed.stdout)).toMatchObject({
        resumed: true,
        groups: { total: 40 },
        pairs: { total: 40 },
      });
      const items = (await snapshot(big)).map((json) => JSON.parse(json) as Record<string, string>);
      const keys = items.filter((i) => /^(MSG|GRP)#/.test(i.pk!)).map((i) => i.sk!);
      expect(keys).toHaveLength(120);
      expect(keys.every((sk) => TIMESTAMP_PATTERN.test(sk) && parseSortKey(sk) !== null)).toBe(
        true,
      );
      expect(items.filter((i) => i.pk!.startsWith('PAIR#'))).toHaveLength(40);
      expect(items.filter((i) => i.pk!.startsWith('MEMBERS#'))).toHaveLength(40);
    } finally {
      await big.close();
    }
  });
});
