import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoEnv, loadConfig, type DynamoEnv } from '@cruddur/config';
import {
  createDdbContext,
  createTable,
  dropTable,
  listMessageGroups,
  type DdbContext,
  type UserRef,
} from '@cruddur/ddb';
import { uniqueName } from '@cruddur/devstack';
import { randomUUID } from 'node:crypto';

export interface TestTable {
  env: DynamoEnv;
  ctx: DdbContext;
  drop(): Promise<void>;
}

/** A table of this test file's own on the suite's DynamoDB Local (env from the devstack setup). */
export async function createTestTable(): Promise<TestTable> {
  const env = loadConfig('test', dynamoEnv, {
    ...process.env,
    DDB_TABLE_NAME: uniqueName('worker'),
  });
  const ctx = createDdbContext(env);
  await createTable(ctx);
  return {
    env,
    ctx,
    drop: async () => {
      await dropTable(ctx, ctx.tableName);
      ctx.client.destroy();
    },
  };
}

export const someone = (handle: string): UserRef => ({
  uuid: randomUUID(),
  handle,
  displayName: handle.toUpperCase(),
});

/** What each participant's conversation list shows for the group: the last message of each row. */
export async function rowsOf(
  ctx: DdbContext,
  groupUuid: string,
  users: UserRef[],
): Promise<(string | undefined)[]> {
  return Promise.all(
    users.map(async (user) => {
      const { items } = await listMessageGroups(ctx, user.uuid, { limit: 100 });
      return items.find((group) => group.messageGroupUuid === groupUuid)?.lastMessage;
    }),
  );
}

/** Every item of the table, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(ctx: DdbContext): Promise<unknown[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await ctx.client.send(
      new ScanCommand({ TableName: ctx.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map((item) => JSON.stringify(item)).sort();
}
