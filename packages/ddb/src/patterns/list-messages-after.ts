import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { readableItems } from '../internal/read-items';
import { MessageItem, toMessage } from '../model/items';
import { messagePk } from '../model/keys';
import { type Message } from '../model/types';
import { checkLimit, checkTimestamp, checkUuid } from '../internal/validate';

/**
 * Up to `limit` messages of a group created strictly after `afterSk`, oldest first: how a live
 * subscription catches up from the last message it delivered.
 */
export async function listMessagesAfter(
  ctx: DdbContext,
  messageGroupUuid: string,
  afterSk: string,
  limit: number,
): Promise<Message[]> {
  checkUuid('messageGroupUuid', messageGroupUuid);
  checkTimestamp('afterSk', afterSk);
  checkLimit(limit);
  const { Items = [] } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': messagePk(messageGroupUuid), ':after': afterSk },
      ScanIndexForward: true,
      Limit: limit,
    }),
  );
  return readableItems(ctx, MessageItem, Items).map(toMessage);
}
