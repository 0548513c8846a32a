import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoEnv, loadConfig } from '@cruddur/config';
import { uniqueName } from '@cruddur/devstack';
import { randomUUID } from 'node:crypto';
import { createDdbContext, type DdbContext } from '../context';
import { createTable, dropTable } from '../table';
import { type UserRef } from '../types';

/** A table of this test file's own on the suite's DynamoDB Local; `close` drops it. */
export async function createTestTable(): Promise<DdbContext & { close(): Promise<void> }> {
  const ctx = createDdbContext(
    loadConfig('ddb-test', dynamoEnv, { ...process.env, DDB_TABLE_NAME: uniqueName('ddb') }),
  );
  await createTable(ctx);
  return {
    ...ctx,
    close: async () => {
      await dropTable(ctx);
      ctx.client.destroy();
    },
  };
}

export const someone = (handle: string): UserRef => ({
  uuid: randomUUID(),
  handle,
  displayName: `${handle[0]!.toUpperCase()}${handle.slice(1)} Tester`,
});

/** Every item of the table in a stable order: equal snapshots mean nothing was written. */
export async function snapshot(ctx: DdbContext): Promise<string[]> {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ctx.doc.send(
      new ScanCommand({ TableName: ctx.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort();
}
