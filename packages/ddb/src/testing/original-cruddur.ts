import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  waitUntilTableExists,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { type UserRef } from '../model/types';

/**
 * The original Python Cruddur's DynamoDB code (its `bin/ddb/schema-load`, `lib/ddb.py` and the
 * message-stream Lambda), ported call for call so that tests and benchmarks can produce tables
 * exactly as the original left them: what this project must take over.
 */

/**
 * `datetime.now(timezone.utc).astimezone().isoformat()` on a host whose local offset is
 * `offsetMinutes`: local wall time with its offset, and no fraction at all when the microsecond
 * is 0 (Python's isoformat drops it).
 */
export function pythonIsoformat(micros: number, offsetMinutes = 0): string {
  const local = new Date(Math.floor(micros / 1000) + offsetMinutes * 60_000).toISOString();
  const fraction = micros % 1_000_000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, 19)}${fraction === 0 ? '' : `.${String(fraction).padStart(6, '0')}`}${offset}`;
}

/** The original's schema-load: provisioned 5/5, the GSI, and no stream. */
export async function originalSchemaLoad(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'message_group_uuid', AttributeType: 'S' },
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'message-group-sk-index',
          KeySchema: [
            { AttributeName: 'message_group_uuid', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        },
      ],
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
}

const S = (value: string): AttributeValue => ({ S: value });

function groupRow(owner: UserRef, other: UserRef, group: string, message: string, sk: string) {
  return {
    pk: S(`GRP#${owner.uuid}`),
    sk: S(sk),
    message_group_uuid: S(group),
    message: S(message),
    user_uuid: S(other.uuid),
    user_display_name: S(other.displayName),
    user_handle: S(other.handle),
  };
}

function messageItem(sender: UserRef, group: string, message: string, sk: string) {
  return {
    pk: S(`MSG#${group}`),
    sk: S(sk),
    message: S(message),
    message_uuid: S(randomUUID()),
    user_uuid: S(sender.uuid),
    user_display_name: S(sender.displayName),
    user_handle: S(sender.handle),
  };
}

export interface OriginalWrite {
  client: DynamoDBClient;
  tableName: string;
  /** When the write happens (microseconds since the epoch) and the host's UTC offset. */
  at: number;
  offsetMinutes?: number;
}

/**
 * `create_message_group`: one BatchWriteItem of both group rows and the first message, all at
 * the same `now` — not a transaction, and no check that the pair already has a group.
 */
export async function originalCreateMessageGroup(
  w: OriginalWrite,
  sender: UserRef,
  recipient: UserRef,
  message: string,
): Promise<{ messageGroupUuid: string; sk: string }> {
  const group = randomUUID();
  const now = pythonIsoformat(w.at, w.offsetMinutes);
  await w.client.send(
    new BatchWriteItemCommand({
      RequestItems: {
        [w.tableName]: [
          { PutRequest: { Item: groupRow(sender, recipient, group, message, now) } },
          { PutRequest: { Item: groupRow(recipient, sender, group, message, now) } },
          { PutRequest: { Item: messageItem(sender, group, message, now) } },
        ],
      },
    }),
  );
  return { messageGroupUuid: group, sk: now };
}

/** `create_message`: one unconditional PutItem (two at the same instant overwrite each other). */
export async function originalCreateMessage(
  w: OriginalWrite,
  group: string,
  sender: UserRef,
  message: string,
): Promise<string> {
  const sk = pythonIsoformat(w.at, w.offsetMinutes);
  await w.client.send(
    new PutItemCommand({ TableName: w.tableName, Item: messageItem(sender, group, message, sk) }),
  );
  return sk;
}

/**
 * The original's stream Lambda for one MSG# insert: query the group's rows on the GSI, then for
 * each row delete it and put it again at the message's key with the message's text. No
 * condition, no order check, not atomic.
 */
export async function originalStreamHandler(
  client: DynamoDBClient,
  tableName: string,
  groupUuid: string,
  sk: string,
  message: string,
): Promise<void> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'message-group-sk-index',
      KeyConditionExpression: 'message_group_uuid = :g',
      ExpressionAttributeValues: { ':g': S(groupUuid) },
    }),
  );
  for (const row of Items) {
    await client.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: row.pk!, sk: row.sk! } }),
    );
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          pk: row.pk!,
          sk: S(sk),
          message_group_uuid: row.message_group_uuid!,
          message: S(message),
          user_display_name: row.user_display_name!,
          user_handle: row.user_handle!,
          user_uuid: row.user_uuid!,
        },
      }),
    );
  }
}

/**
 * A conversation as the original left it: started with `create_message_group`, continued with
 * `create_message` a minute apart (alternating senders), each followed by the original's stream
 * Lambda, on a host `offsetMinutes` from UTC. Returns the group and each message's sort key.
 */
export async function originalConversation(
  w: OriginalWrite,
  a: UserRef,
  b: UserRef,
  lines: readonly string[],
): Promise<{ messageGroupUuid: string; sks: string[] }> {
  const [first, ...rest] = lines;
  const { messageGroupUuid, sk } = await originalCreateMessageGroup(w, a, b, first!);
  const sks = [sk];
  for (const [i, text] of rest.entries()) {
    const at = { ...w, at: w.at + (i + 1) * 60_000_000 };
    const written = await originalCreateMessage(at, messageGroupUuid, i % 2 === 0 ? b : a, text);
    await originalStreamHandler(w.client, w.tableName, messageGroupUuid, written, text);
    sks.push(written);
  }
  return { messageGroupUuid, sks };
}
