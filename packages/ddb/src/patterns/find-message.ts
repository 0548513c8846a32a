import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { microsOfMessageId } from '@cruddur/validators';
import { type DdbContext } from '../context';
import { readableItems } from '../internal/read-items';
import { timestampFromMicros } from '../internal/timestamp';
import { MAX_ATTEMPTS } from '../internal/transact';
import { MessageIdGuardItem, MessageItem } from '../model/items';
import { messageIdGuardKey, messagePk } from '../model/keys';

/** How far back a message without a guard (one the original wrote) is looked for. */
const LEGACY_SEARCH_ITEMS = 1_000;

/**
 * The stored message of a group with this id, from strongly consistent data, or undefined. Each
 * kind of id is found the way it was written: a version-7 id at the instant it carries (or the
 * few microseconds a collision moved it), another id of this project through its guard item,
 * and one the original wrote by reading the group back from its newest message.
 */
export async function findMessage(
  ctx: DdbContext,
  groupUuid: string,
  messageUuid: string,
): Promise<MessageItem | undefined> {
  const pk = messagePk(groupUuid);
  const fromId = microsOfMessageId(messageUuid);
  if (fromId !== null) {
    const { Items = [] } = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':first': timestampFromMicros(fromId),
          ':last': timestampFromMicros(fromId + MAX_ATTEMPTS),
        },
        ConsistentRead: true,
      }),
    );
    return readableItems(ctx, MessageItem, Items).find((m) => m.message_uuid === messageUuid);
  }

  const { Item: guard } = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: messageIdGuardKey(messageUuid),
      ConsistentRead: true,
    }),
  );
  const [pointer] = guard ? readableItems(ctx, MessageIdGuardItem, [guard]) : [];
  if (pointer) {
    if (pointer.message_pk !== pk) return undefined;
    const { Item } = await ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: { pk, sk: pointer.message_sk },
        ConsistentRead: true,
      }),
    );
    return Item ? readableItems(ctx, MessageItem, [Item])[0] : undefined;
  }

  let start: Record<string, unknown> | undefined;
  let searched = 0;
  do {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'message_uuid = :id',
        ExpressionAttributeValues: { ':pk': pk, ':id': messageUuid },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: 200,
        ExclusiveStartKey: start,
      }),
    );
    const [found] = readableItems(ctx, MessageItem, page.Items ?? []);
    if (found) return found;
    searched += page.ScannedCount ?? 0;
    start = page.LastEvaluatedKey;
  } while (start && searched < LEGACY_SEARCH_ITEMS);
  return undefined;
}
