import type { DynamoDBRecord } from 'aws-lambda';
import { listMessageGroups } from '../patterns/b-list-message-groups';
import { applyStreamRecords } from '../patterns/e-apply-stream-record';
import { type MessageGroup, type UserRef } from '../model/types';
import { streamReader } from './stream';
import { createTestTable, type TestTable } from './test-table';

export interface StreamTable extends TestTable {
  /** The stream's records of a group's messages (INSERTs and MODIFYs), as the worker gets them. */
  recordsOf(group: string): Promise<DynamoDBRecord[]>;
  /** Pattern E over every record of the group so far, in batches of `size` (all at once by default). */
  applyGroup(group: string, size?: number): ReturnType<typeof applyStreamRecords>;
  /** The group's row in `user`'s list (the first 100 conversations). */
  rowOf(group: string, user: UserRef): Promise<MessageGroup | undefined>;
}

/** A test table with its stream read back, for suites about pattern E's outcome; `close` drops it. */
export async function openStreamTable(prefix: string): Promise<StreamTable> {
  const table = await createTestTable(prefix);
  const stream = streamReader(table);
  const recordsOf = async (group: string) =>
    (await stream.all()).filter((r) => r.dynamodb?.Keys?.pk?.S === `MSG#${group}`);
  return {
    ...table,
    recordsOf,
    applyGroup: async (group, size) => {
      const records = await recordsOf(group);
      const batch = size ?? Math.max(1, records.length);
      const outcome: Awaited<ReturnType<typeof applyStreamRecords>> = { results: [], changes: [] };
      for (let i = 0; i < records.length; i += batch) {
        const part = await applyStreamRecords(table, records.slice(i, i + batch));
        outcome.results.push(...part.results);
        outcome.changes.push(...part.changes);
      }
      return outcome;
    },
    rowOf: async (group, user) =>
      (await listMessageGroups(table, user.uuid, { limit: 100 })).items.find(
        (g) => g.messageGroupUuid === group,
      ),
    close: async () => {
      stream.close();
      await table.close();
    },
  };
}
