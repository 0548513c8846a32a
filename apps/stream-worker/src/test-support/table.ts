import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoEnv, loadConfig, type DynamoEnv } from '@cruddur/config';
import {
  createDdbContext,
  createMessage,
  createMessageGroup,
  createTable,
  dropTable,
  listMessageGroups,
  type DdbContext,
  type Message,
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

export interface Conversation {
  messageGroupUuid: string;
  users: [UserRef, UserRef];
  /** Pattern C, from the first participant unless told otherwise. */
  say(message: string, from?: UserRef): Promise<Message>;
  /** What each participant's conversation list shows for this group: the text of their row. */
  rows(): Promise<(string | undefined)[]>;
}

/** Two new people and their group, its first message already written (pattern D). */
export async function startConversation(ctx: DdbContext, first: string): Promise<Conversation> {
  const users: [UserRef, UserRef] = [someone('ana'), someone('ben')];
  const { messageGroupUuid } = await createMessageGroup(ctx, {
    sender: users[0],
    recipient: users[1],
    message: first,
  });
  return {
    messageGroupUuid,
    users,
    say: (message, from = users[0]) =>
      createMessage(ctx, { messageGroupUuid, sender: from, message }),
    rows: () =>
      Promise.all(
        users.map(async (user) => {
          const { items } = await listMessageGroups(ctx, user.uuid, { limit: 100 });
          return items.find((group) => group.messageGroupUuid === messageGroupUuid)?.lastMessage;
        }),
      ),
  };
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
