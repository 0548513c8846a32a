import { QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessage } from './patterns/c-create-message';
import { createMessageGroup } from './patterns/d-create-message-group';
import { updateGroupRows } from './patterns/update-group-rows';
import { messageItem } from './patterns/message-write';
import { createTestTable, someone, type TestTable } from './testing/test-table';
import { type Message } from './model/types';

/**
 * The original Python code's reads, issued as it issued them (boto3's low-level client, same key
 * conditions and attribute names), against a table written by this package.
 */
let ctx: TestTable;
const [mira, tomas] = [someone('mira'), someone('tomas')];
let group: string;
let last: Message;

beforeAll(async () => {
  ctx = await createTestTable();
  ({ messageGroupUuid: group } = await createMessageGroup(ctx, {
    sender: mira,
    recipient: tomas,
    message: 'first',
  }));
  last = await createMessage(ctx, { messageGroupUuid: group, sender: tomas, message: 'second' });
  await updateGroupRows(ctx, group, [
    messageItem({ ...last, messageGroupUuid: group, sender: tomas }, last.createdAt),
  ]);
});
afterAll(() => ctx?.close());

// What the original wrote with datetime.now(timezone.utc).isoformat().
const PYTHON_ISOFORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
const year = () => String(new Date().getUTCFullYear());
const S = (item: Record<string, AttributeValue>, name: string) => item[name]?.S;

async function query(input: { pk: string }) {
  const { Items = [] } = await ctx.client.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk,:year)',
      ScanIndexForward: false,
      Limit: 20,
      ExpressionAttributeValues: { ':year': { S: year() }, ':pk': { S: input.pk } },
    }),
  );
  return Items;
}

describe("the original's queries on a table written by this package", () => {
  it('list_message_groups: pk = GRP#{user}, newest first, reads the other participant and the last message', async () => {
    const items = await query({ pk: `GRP#${mira.uuid}` });
    expect(items).toHaveLength(1);
    const item = items[0]!;
    // Every attribute the original reads, as the strings it wrote; after them only this
    // package's bookkeeping (which message the row shows, the owner's read position), which the
    // original never reads.
    const original = [
      'message',
      'message_group_uuid',
      'pk',
      'sk',
      'user_display_name',
      'user_handle',
      'user_uuid',
    ];
    for (const name of original) expect(typeof item[name]?.S, name).toBe('string');
    expect(
      Object.keys(item)
        .filter((k) => !original.includes(k))
        .sort(),
    ).toEqual(['message_uuid', 'read_sk', 'rev', 'unread']);
    expect({
      uuid: S(item, 'message_group_uuid'),
      display_name: S(item, 'user_display_name'),
      handle: S(item, 'user_handle'),
      message: S(item, 'message'),
      created_at: S(item, 'sk'),
    }).toEqual({
      uuid: group,
      display_name: tomas.displayName,
      handle: tomas.handle,
      message: 'second',
      created_at: last.createdAt,
    });
    expect(S(item, 'sk')).toMatch(PYTHON_ISOFORMAT);
  });

  it('list_messages: pk = MSG#{group}, newest first, reads each message and its sender', async () => {
    const items = await query({ pk: `MSG#${group}` });
    expect(items.map((i) => S(i, 'message'))).toEqual(['second', 'first']);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'message',
        'message_uuid',
        'pk',
        'sk',
        'user_display_name',
        'user_handle',
        'user_uuid',
      ]);
      expect(S(item, 'sk')).toMatch(PYTHON_ISOFORMAT);
    }
    expect(S(items[0]!, 'message_uuid')).toBe(last.messageUuid);
    expect([
      S(items[0]!, 'user_uuid'),
      S(items[0]!, 'user_handle'),
      S(items[0]!, 'user_display_name'),
    ]).toEqual([tomas.uuid, tomas.handle, tomas.displayName]);
  });

  it("the stream handler's GSI query finds exactly the group's two rows, nothing this package added", async () => {
    const { Items = [] } = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: 'message-group-sk-index',
        KeyConditionExpression: 'message_group_uuid = :message_group_uuid',
        ExpressionAttributeValues: { ':message_group_uuid': { S: group } },
      }),
    );
    expect(Items.map((i) => S(i, 'pk')).sort()).toEqual(
      [`GRP#${mira.uuid}`, `GRP#${tomas.uuid}`].sort(),
    );
  });
});
