import { ManagedProcess, waitUntil } from '@cruddur/devstack';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isMessageInsert, readStream } from './testing/stream-records';
import { createTestTable, type TestTable } from '@cruddur/ddb/testing';
import { startConversation } from './testing/conversation';

const WORKER_DIR = fileURLToPath(new URL('..', import.meta.url));
let table: TestTable;
let checkpointDir: string;
const workers: ManagedProcess[] = [];

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.close());
beforeEach(async () => {
  checkpointDir = await mkdtemp(join(tmpdir(), 'worker-main-'));
  return async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await rm(checkpointDir, { recursive: true, force: true });
  };
});

interface LogLine {
  msg?: string;
  sequenceNumber?: string;
  outcome?: string;
}

/** `pnpm dev` as a child process, every log line kept. */
function spawnWorker(
  lines: LogLine[],
  env: Record<string, string> = {},
  args: string[] = [],
): ManagedProcess {
  const worker = new ManagedProcess(
    'worker',
    process.execPath,
    ['--import', 'tsx', 'src/poller-main.ts', ...args],
    {
      cwd: WORKER_DIR,
      env: {
        ...process.env,
        DDB_TABLE_NAME: table.tableName,
        STREAM_CHECKPOINT_DIR: checkpointDir,
        LOG_LEVEL: 'debug',
        ...env,
      },
      onOutput: (line) => {
        try {
          lines.push(JSON.parse(line) as LogLine);
        } catch {
          lines.push({ msg: line }); // not JSON: help text, a config error, or a line cut by SIGKILL
        }
      },
    },
  );
  workers.push(worker);
  return worker;
}

const following = (lines: LogLine[]) =>
  waitUntil('the worker to follow the stream', async () =>
    lines.some((l) => l.msg === 'following stream'),
  );
const processed = (lines: LogLine[]) => lines.filter((l) => l.msg === 'record processed');

const conversation = (n: number) => startConversation(table, `chat ${n}: hi`);

describe('poller-main (pnpm dev)', () => {
  it('converges after being killed mid-stream and restarted: nothing lost, nothing applied twice', async () => {
    const chats = await Promise.all([0, 1, 2, 3].map(conversation));
    const runs: LogLine[][] = [[], []];
    const first = spawnWorker(runs[0]!);
    await following(runs[0]!);

    const total = 60;
    const sending = (async () => {
      for (let i = 0; i < total; i += 1) {
        await chats[i % chats.length]!.say(`chat ${i % chats.length}: message ${i}`);
        await new Promise((r) => setTimeout(r, 20)); // a steady trickle, so the kill lands mid-stream
      }
    })();
    // Kill once a checkpoint has been saved and more records are being applied.
    const checkpointFile = async () =>
      (await readdir(checkpointDir)).find((name) => name.endsWith('.json'));
    await waitUntil(
      'the worker to be in the middle of the stream',
      async () => (await checkpointFile()) !== undefined && processed(runs[0]!).length >= 40,
    );
    process.kill(-first.pid!, 'SIGKILL');
    await first.exit;
    const saved = JSON.parse(
      await readFile(join(checkpointDir, (await checkpointFile())!), 'utf8'),
    ) as {
      shards: Record<string, { sequenceNumber: string }>;
    };
    const checkpoint = BigInt(Object.values(saved.shards)[0]!.sequenceNumber);

    const second = spawnWorker(runs[1]!);
    await sending;
    const lastOf = (n: number) => `chat ${n}: message ${total - chats.length + n}`;
    await waitUntil('every conversation to show its last message', async () =>
      (
        await Promise.all(
          chats.map(async (chat, n) => (await chat.rows()).every((row) => row === lastOf(n))),
        )
      ).every(Boolean),
    );
    const inserts = (await readStream(table))
      .filter(isMessageInsert)
      .map((r) => r.dynamodb!.SequenceNumber!);
    const seen = () =>
      new Set([...processed(runs[0]!), ...processed(runs[1]!)].map((l) => l.sequenceNumber));
    await waitUntil('the restarted worker to reach the end of the stream', async () =>
      inserts.every((s) => seen().has(s)),
    );
    await second.stop();

    expect(await second.exit).toBe(0);
    const appliedTwice = inserts.filter(
      (s) =>
        runs.flatMap(processed).filter((l) => l.sequenceNumber === s && l.outcome === 'applied')
          .length > 1,
    );
    expect(appliedTwice).toEqual([]);
    // The restart resumed after the checkpoint instead of replaying the stream from its start.
    expect(processed(runs[1]!).every((l) => BigInt(l.sequenceNumber!) > checkpoint)).toBe(true);
    expect(processed(runs[0]!).length).toBeGreaterThan(0);
  });

  it('stops cleanly on SIGTERM, saying so', async () => {
    const lines: LogLine[] = [];
    const worker = spawnWorker(lines);
    await following(lines);
    await worker.stop();
    expect(await worker.exit).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
  });

  it('refuses bad configuration with one clear message and exit code 78', async () => {
    const lines: LogLine[] = [];
    const worker = spawnWorker(lines, { AWS_REGION: 'nowhere', STREAM_IDLE_MAX_MS: 'soon' });
    expect(await worker.exit).toBe(78);
    const output = lines.map((l) => l.msg).join('\n');
    expect(output).toContain('stream-worker: invalid configuration');
    expect(output).toContain('AWS_REGION: must look like us-east-1');
    expect(output).toContain('STREAM_IDLE_MAX_MS: must be a number of milliseconds');
  });

  it('prints its usage with --help and rejects unknown options', async () => {
    const help: LogLine[] = [];
    expect(await spawnWorker(help, {}, ['--help']).exit).toBe(0);
    expect(help[0]?.msg).toMatch(/^Usage: /);
    const wrong: LogLine[] = [];
    expect(await spawnWorker(wrong, {}, ['--bogus']).exit).toBe(2);
    expect(wrong.map((l) => l.msg).join('\n')).toMatch(/stream-worker: Unknown option '--bogus'/);
  });
});
