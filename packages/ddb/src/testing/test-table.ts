import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoEnv, loadConfig, type DynamoEnv } from '@cruddur/config';
import { uniqueName } from '@cruddur/devstack';
import { messageIdAt } from '@cruddur/validators';
import { randomUUID } from 'node:crypto';
import { createDdbContext, type DdbContext } from '../context';
import { startConversation } from '../patterns/d-create-message-group';
import { storeMessageAt } from '../patterns/message-write';
import { formatTimestamp, timestampToMicros } from '../internal/timestamp';
import { createTable, dropTable } from '../table/table';
import { originalSchemaLoad } from './original-cruddur';
import { type UserRef } from '../model/types';

/** A table and the environment that names it, as a program would be configured for it. */
export type TestTable = DdbContext & { env: DynamoEnv; close(): Promise<void> };

/**
 * A table of this test file's own on the suite's DynamoDB Local; `close` drops it. With
 * `original`, it is created the original Python code's way (provisioned, no stream).
 */
export async function createTestTable(
  prefix = 'ddb',
  { original = false, report }: { original?: boolean; report?: DdbContext['report'] } = {},
): Promise<TestTable> {
  const env = loadConfig('ddb-test', dynamoEnv, {
    ...process.env,
    DDB_TABLE_NAME: uniqueName(prefix),
  });
  const ctx = createDdbContext(env, { report: report ?? (() => {}) });
  await (original ? originalSchemaLoad(ctx.client, ctx.tableName) : createTable(ctx));
  return {
    ...ctx,
    env,
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

/**
 * A conversation between `a` and `b` with messages at the given sort keys (alternating senders,
 * texts "line 1", "line 2", …), written through pattern D and C's write: how tests place
 * messages at chosen times, such as across a New Year.
 */
export async function conversationAt(
  ctx: DdbContext,
  a: UserRef,
  b: UserRef,
  sks: string[],
): Promise<string> {
  const [first, ...rest] = sks;
  const line = (i: number) => ({
    sender: i % 2 === 0 ? a : b,
    message: `line ${i + 1}`,
    messageUuid: messageIdAt(timestampToMicros(sks[i]!)),
  });
  const { messageGroupUuid } = await startConversation(ctx, { ...line(0), recipient: b }, first!);
  for (const [i, sk] of rest.entries())
    await storeMessageAt(ctx, { ...line(i + 1), messageGroupUuid }, sk);
  return messageGroupUuid;
}

/** `count` sort keys a minute apart, the first at `start`. */
export function minutesFrom(start: string, count: number): string[] {
  const t0 = Date.parse(start);
  return Array.from({ length: count }, (_, i) => formatTimestamp(new Date(t0 + i * 60_000)));
}
