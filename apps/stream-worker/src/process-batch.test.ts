import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { applyStreamRecords } from '@cruddur/ddb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { processBatch, type ApplyRecords } from './process-batch';
import { isMessageInsert, readStream, recordOf } from './testing/stream-records';
import { createTestTable, snapshot, type TestTable } from '@cruddur/ddb/testing';
import { startConversation } from './testing/conversation';

const logger = createLogger('silent');
let table: TestTable;
let apply: ApplyRecords;
const sequence = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber;

beforeAll(async () => {
  table = await createTestTable();
  apply = (records) => applyStreamRecords(table, records);
});
afterAll(() => table.close());

const conversation = (first: string) => startConversation(table, first);

describe('processBatch with the pattern E core', () => {
  it('applies every record of a multi-record batch, not only the first', async () => {
    const one = await conversation('one: hi');
    const two = await conversation('two: hi');
    await one.say('one: second');
    await two.say('two: second', two.users[1]);
    await one.say('one: third');
    const records = (await readStream(table)).filter((r) =>
      [one, two].some((c) => r.dynamodb?.Keys?.pk?.S === `MSG#${c.messageGroupUuid}`),
    );
    expect(records.filter(isMessageInsert)).toHaveLength(5);

    const result = await processBatch(records, apply, { logger });

    expect(result.batchItemFailures).toEqual([]);
    expect(result.counts.failed).toBe(0);
    // Every message is accounted for; each conversation is updated once, to its newest message.
    expect(result.counts.applied).toBe(2);
    expect(result.counts.applied + result.counts.superseded + result.counts.stale).toBe(5);
    expect(await one.rows()).toEqual(['one: third', 'one: third']);
    expect(await two.rows()).toEqual(['two: second', 'two: second']);
  });

  it('changes nothing when a batch is replayed', async () => {
    const chat = await conversation('replay: hi');
    await chat.say('replay: again');
    const records = await readStream(table);
    await processBatch(records, apply, { logger });
    const before = await snapshot(table);

    const replay = await processBatch(records, apply, { logger });

    expect(replay.counts).toMatchObject({ applied: 0, failed: 0 });
    expect(await snapshot(table)).toEqual(before);
    expect(await chat.rows()).toEqual(['replay: again', 'replay: again']);
  });

  it('leaves the newer message in place when an older one arrives after it', async () => {
    const chat = await conversation('order: hi');
    await chat.say('order: older');
    await chat.say('order: newer', chat.users[1]);
    const records = await readStream(table);

    const newer = await processBatch([recordOf(records, 'order: newer')], apply, { logger });
    const older = await processBatch([recordOf(records, 'order: older')], apply, { logger });

    expect(newer.counts.applied).toBe(1);
    expect(older.counts).toMatchObject({ applied: 0, stale: 1, failed: 0 });
    expect(await chat.rows()).toEqual(['order: newer', 'order: newer']);
  });

  it('skips REMOVE, changes to rows that are not messages and its own GRP# writes without error', async () => {
    const chat = await conversation('skip: hi');
    const sent = await chat.say('skip: deleted later');
    const key = { pk: { S: `MSG#${chat.messageGroupUuid}` }, sk: { S: sent.createdAt } };
    await table.client.send(new DeleteItemCommand({ TableName: table.tableName, Key: key }));
    const records = await readStream(table);
    // Earlier tests' row moves are in the stream too (GRP# puts and removes, member updates): all skipped.
    // A MODIFY of a message is pattern E's (an edit or a delete shown on a row), not skipped.
    const modify = records.filter(
      (r) => r.eventName === 'MODIFY' && !r.dynamodb?.Keys?.pk?.S?.startsWith('MSG#'),
    );
    const remove = records.filter((r) => r.eventName === 'REMOVE');
    const groupRows = records.filter(
      (r) => r.eventName === 'INSERT' && r.dynamodb?.Keys?.pk?.S?.startsWith('GRP#'),
    );
    const isOurs = (r: DynamoDBRecord) => r.dynamodb?.Keys?.sk?.S === sent.createdAt;
    expect(remove.some(isOurs)).toBe(true);
    expect(modify.length).toBeGreaterThanOrEqual(1);
    expect(groupRows.length).toBeGreaterThanOrEqual(2);
    const before = await snapshot(table);

    const result = await processBatch([...modify, ...remove, ...groupRows], apply, { logger });

    expect(result.counts).toEqual({
      applied: 0,
      superseded: 0,
      stale: 0,
      failed: 0,
      skipped: modify.length + remove.length + groupRows.length,
    });
    expect(result.batchItemFailures).toEqual([]);
    expect(await snapshot(table)).toEqual(before);
  });

  it('reports the first failing record so that a retry resumes there', async () => {
    const chat = await conversation('fail: hi');
    await chat.say('fail: before');
    // A MSG# item the table accepts but that is not a message: no text, no sender.
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: {
          pk: { S: `MSG#${chat.messageGroupUuid}` },
          sk: { S: '2999-01-01T00:00:00.000000+00:00' },
        },
      }),
    );
    await chat.say('fail: after');
    const records = (await readStream(table)).filter(
      (r) => r.dynamodb?.Keys?.pk?.S === `MSG#${chat.messageGroupUuid}`,
    );
    const poison = records.find((r) => r.dynamodb?.NewImage?.message === undefined)!;
    const before = records.slice(0, records.indexOf(poison));

    const result = await processBatch(records, apply, { logger });

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: sequence(poison) }]);
    expect(result.failure?.index).toBe(before.length);
    expect(result.counts.failed).toBe(1);
    // The poison record fails alone: the valid messages of its conversation are applied.
    expect(await chat.rows()).toEqual(['fail: after', 'fail: after']);
  });
});
