import { applyStreamRecords, createDdbContext } from '@cruddur/ddb';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@cruddur/db/testing';
import { createPgSubscriber, type Delivery } from '@cruddur/live';
import { createHandler, handler, livePublisher } from './handler';
import { isMessageInsert, readStream } from './testing/stream-records';
import { createTestTable, type TestTable } from '@cruddur/ddb/testing';
import { startConversation } from './testing/conversation';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.close());

/** A pino logger whose JSON lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('handler (the Lambda entry point)', () => {
  it('announces what pattern E changed on the live channel when DATABASE_URL is set', async () => {
    const db = await openTestDatabase();
    const subscriber = createPgSubscriber(db.url);
    const deliveries: Delivery[] = [];
    subscriber.onDelivery((d) => deliveries.push(d));
    await subscriber.start();
    try {
      const chat = await startConversation(table, 'announced');
      await chat.say('announced too', chat.users[1]);
      const records = (await readStream(table)).filter(
        (r) => r.dynamodb?.Keys?.pk?.S === `MSG#${chat.messageGroupUuid}`,
      );
      const { logger } = capturingLogger();
      const publisher = livePublisher({ DATABASE_URL: db.url }, logger)!;
      await createHandler(
        (batch) => applyStreamRecords(table, batch),
        logger,
        publisher,
      )({
        Records: records,
      });
      await publisher.close();

      await expect.poll(() => deliveries.map((d) => d.event.type)).toContain('group');
      const members = [...chat.users.map((u) => u.uuid)].sort();
      expect(
        deliveries
          .filter((d) => d.event.type === 'message')
          .map((d) => [d.to, d.event.type === 'message' && d.event.message.message]),
      ).toEqual([
        [members, 'announced'],
        [members, 'announced too'],
      ]);
      expect(
        deliveries
          .filter((d) => d.event.type === 'group')
          .map((d) => d.to[0])
          .sort(),
      ).toEqual(members);
    } finally {
      await subscriber.close();
      await db.close();
    }
  });

  it('says once that nothing is announced without DATABASE_URL', () => {
    const { logger, lines } = capturingLogger();
    expect(livePublisher({}, logger)).toBeUndefined();
    expect(lines.map((l) => l.msg)).toEqual([
      'DATABASE_URL is not set: changes are not announced for live delivery',
    ]);
  });

  it('moves both group rows for the records of an event and reports no failure', async () => {
    const chat = await startConversation(table, 'hello');
    await chat.say('hello back', chat.users[1]);
    Object.assign(process.env, { DDB_TABLE_NAME: table.tableName, LOG_LEVEL: 'silent' });

    const response = await handler({ Records: await readStream(table) });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await chat.rows()).toEqual(['hello back', 'hello back']);
  });

  it('names the first record that fails and logs its keys', async () => {
    const { messageGroupUuid } = await startConversation(table, 'first');
    const records = (await readStream(table)).filter(
      (r) =>
        r.dynamodb?.NewImage?.message_group_uuid?.S === messageGroupUuid ||
        r.dynamodb?.Keys?.pk?.S === `MSG#${messageGroupUuid}`,
    );
    // The same records, handled by a function whose table has gone: the first MSG# insert fails for real.
    const gone = createDdbContext({ ...table.env, DDB_TABLE_NAME: `${table.tableName}-gone` });
    const { logger, lines } = capturingLogger();
    const firstMessage = records.find(isMessageInsert)!;

    const response = await createHandler(
      (records) => applyStreamRecords(gone, records),
      logger,
    )({ Records: records });

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: firstMessage.dynamodb?.SequenceNumber },
    ]);
    const failure = lines.find((line) => line.level === 50);
    expect(failure).toMatchObject({
      sequenceNumber: firstMessage.dynamodb?.SequenceNumber,
      keys: firstMessage.dynamodb?.Keys,
    });
    expect(failure?.err).toMatchObject({ type: 'ResourceNotFoundException' });
    gone.client.destroy();
  });
});
