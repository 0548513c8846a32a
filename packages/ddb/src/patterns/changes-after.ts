import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { readableItems } from '../internal/read-items';
import { checkLimit, checkTimestamp, checkUuid } from '../internal/validate';
import { GroupRowItem, MessageItem, toMessage, toMessageGroup } from '../model/items';
import { groupRowPk, messagePk } from '../model/keys';
import { type Message, type MessageGroup } from '../model/types';

/**
 * What a partition holds after a sort key, oldest first, up to `limit` items, and whether there
 * is more: how a live stream catches up after a reconnect. Canonical keys are compared as
 * strings, so keys written in another form (the original's, until `pnpm ddb migrate`) may be
 * missed: they are all older than any catch-up window.
 */
async function itemsAfter(ctx: DdbContext, pk: string, afterSk: string, limit: number) {
  checkTimestamp('afterSk', afterSk);
  checkLimit(limit);
  const { Items = [], LastEvaluatedKey } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': pk, ':after': afterSk },
      ScanIndexForward: true,
      Limit: limit,
    }),
  );
  return { items: Items, more: LastEvaluatedKey !== undefined };
}

/** Messages of a group created strictly after `afterSk`, oldest first. */
export async function listMessagesAfter(
  ctx: DdbContext,
  messageGroupUuid: string,
  afterSk: string,
  limit: number,
): Promise<{ items: Message[]; more: boolean }> {
  checkUuid('messageGroupUuid', messageGroupUuid);
  const { items, more } = await itemsAfter(ctx, messagePk(messageGroupUuid), afterSk, limit);
  return { items: readableItems(ctx, MessageItem, items).map(toMessage), more };
}

/** A user's conversations whose latest message came strictly after `afterSk`, oldest first. */
export async function listMessageGroupsAfter(
  ctx: DdbContext,
  userUuid: string,
  afterSk: string,
  limit: number,
): Promise<{ items: MessageGroup[]; more: boolean }> {
  checkUuid('userUuid', userUuid);
  const { items, more } = await itemsAfter(ctx, groupRowPk(userUuid), afterSk, limit);
  return { items: readableItems(ctx, GroupRowItem, items).map(toMessageGroup), more };
}
