import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { applyStreamRecords, createTable, dropTable, enableStream } from '@cruddur/ddb';
import { pino } from 'pino';
import { waitUntil } from '@cruddur/devstack';
import type { DynamoDBRecord } from 'aws-lambda';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import type { ApplyRecords } from '../process-batch';
import { isMessageInsert, readStream } from '../testing/stream-records';
import { createTestTable, type TestTable } from '@cruddur/ddb/testing';
import { startConversation } from '../testing/conversation';
import { checkpointPath } from './checkpoint-store';
import { DEAD_LETTERS_FILE } from './dead-letters';
import { startPoller, type Poller, type PollerOptions } from './poller';

const logger = createLogger('silent');
let table: TestTable;
let checkpointDir: string;
const pollers: Poller[] = [];

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.close());
beforeEach(async () => {
  checkpointDir = await mkdtemp(join(tmpdir(), 'poller-test-'));
  return async () => {
    await Promise.all(pollers.splice(0).map((p) => p.stop()));
    await rm(checkpointDir, { recursive: true, force: true });
  };
});

function start(options: Partial<PollerOptions> = {}): Poller {
  const poller = startPoller({ env: table.env, checkpointDir, logger, ...options });
  pollers.push(poller);
  return poller;
}

/** The core, noting every record it is given. */
function recordingApply(seen: DynamoDBRecord[]): ApplyRecords {
  return async (records) => {
    seen.push(...records);
    return applyStreamRecords(table, records);
  };
}

const conversation = (first: string) => startConversation(table, first);

const showing = (
  chat: { rows(): Promise<(string | undefined)[]> },
  text: string,
  timeoutMs = 20_000,
) =>
  waitUntil(
    `both rows showing "${text}"`,
    async () => (await chat.rows()).every((row) => row === text),
    { timeoutMs, intervalMs: 50 },
  );

describe('startPoller', () => {
  it('moves both group rows of a new message within 2 seconds', async () => {
    const poller = start();
    await poller.following;
    const chat = await conversation('fast: hi');
    await chat.say('fast: how are you?');
    await showing(chat, 'fast: how are you?', 2_000);
  });

  it('resumes from its checkpoint after a stop: nothing skipped, nothing read twice', async () => {
    const chat = await conversation('resume: hi');
    const first: DynamoDBRecord[] = [];
    const before = start({ apply: recordingApply(first) });
    for (const n of [1, 2, 3]) await chat.say(`resume: ${n}`);
    await showing(chat, 'resume: 3');
    await waitUntil(
      'the first poller to read everything so far',
      async () => first.length === (await readStream(table)).length,
    );
    await before.stop();

    for (const n of [4, 5]) await chat.say(`resume: ${n}`);
    const second: DynamoDBRecord[] = [];
    start({ apply: recordingApply(second) });
    await showing(chat, 'resume: 5');
    const all = await readStream(table);
    await waitUntil(
      'the second poller to read the rest',
      async () => first.length + second.length >= all.length,
    );

    // Batches run partitions side by side, so compare what was read, not the order of reading.
    const sequences = (records: DynamoDBRecord[]) =>
      records.map((r) => r.dynamodb?.SequenceNumber ?? '').sort();
    expect(sequences(first)).toEqual(sequences(all.slice(0, first.length)));
    expect(sequences(second)).toEqual(sequences(all.slice(first.length)));
    expect(
      second
        .filter(isMessageInsert)
        .map((r) => r.dynamodb?.NewImage?.message?.S)
        .sort(),
    ).toEqual(['resume: 4', 'resume: 5']);
  });

  it('sets a poison record aside and carries on with the records after it', async () => {
    const chat = await conversation('poison: hi');
    const poller = start({ maxAttempts: 2 });
    await poller.following;
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: { pk: { S: 'MSG#not-a-real-group' }, sk: { S: '2999-01-01T00:00:00.000000+00:00' } },
      }),
    );
    await chat.say('poison: after');
    await showing(chat, 'poison: after');
    // The record after the poison one lives in another partition: it may be applied first.
    const file = join(checkpointDir, DEAD_LETTERS_FILE);
    await waitUntil('the poison record to be set aside', async () => existsSync(file), {
      timeoutMs: 15_000,
    });
    const deadLetters = (await readFile(file, 'utf8')).trim().split('\n');
    expect(deadLetters).toHaveLength(1);
    expect(JSON.parse(deadLetters[0]!)).toMatchObject({
      keys: { pk: { S: 'MSG#not-a-real-group' } },
      eventName: 'INSERT',
    });
  });

  it('follows the new stream when the table is dropped and created again', async () => {
    const poller = start();
    const oldArn = await poller.following;
    await dropTable(table, table.tableName);
    await createTable(table);
    const chat = await conversation('recreated: hi');
    await chat.say('recreated: still working');
    await showing(chat, 'recreated: still working');
    // The rows move before the batch's checkpoint is saved: wait for the save.
    const files = async () =>
      (await readdir(checkpointDir))
        .filter((name) => name.endsWith('.json'))
        .map((name) => join(checkpointDir, name));
    await waitUntil('a checkpoint file for each stream', async () => (await files()).length === 2);
    expect(await files()).toContain(checkpointPath(checkpointDir, oldArn));
  });

  it('on a table without a stream, says which command turns it on, waits, and follows it once on', async () => {
    const original = await createTestTable('worker', { original: true });
    try {
      const lines: { msg: string }[] = [];
      const said = pino(
        { level: 'info' },
        { write: (line: string) => lines.push(JSON.parse(line) as { msg: string }) },
      );
      const poller = start({ env: original.env, logger: said, idleMaxMs: 100 });
      await waitUntil('the worker to say what is missing', async () =>
        lines.some((l) => l.msg.includes('has no stream')),
      );
      expect(lines.filter((l) => l.msg.includes('has no stream'))).toHaveLength(1);
      expect(lines.find((l) => l.msg.includes('has no stream'))?.msg).toContain(
        'pnpm ddb schema-load',
      );
      await enableStream(original);
      await expect(poller.following).resolves.toMatch(/^arn:/);
    } finally {
      await Promise.all(pollers.splice(0).map((p) => p.stop()));
      await original.close();
    }
  });

  it('stops promptly while idle and reports the stream it followed', async () => {
    const poller = start({ idleMaxMs: 60_000 });
    expect(await poller.following).toMatch(/^arn:aws:dynamodb:.*\/stream\//);
    await poller.stop();
    await expect(poller.done).resolves.toBeUndefined();
  });
});
