import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { findUserByCognitoUserId, type Pool } from '@cruddur/db';
import {
  groupMembersKey,
  groupRowPk,
  messageItem,
  messagePk,
  nowTimestamp,
  type DdbContext,
  type UserRef,
} from '@cruddur/ddb';
import { randomUUID } from 'node:crypto';

/**
 * The calls each procedure made before this round (this project as of 2026-11-25): the caller
 * looked up in PostgreSQL on every request, a strongly consistent membership read before the
 * work, and a message written with its id guard in one transaction. The API overhead section
 * runs them as its direct side, so that "API ÷ direct" shows what the new design saves.
 */
export async function callerBefore(pool: Pool, cognitoUserId: string): Promise<UserRef> {
  const user = await findUserByCognitoUserId(pool, cognitoUserId);
  if (!user) throw new Error(`no users row has cognito_user_id ${cognitoUserId}`);
  return { uuid: user.uuid, handle: user.handle, displayName: user.displayName };
}

async function memberBefore(ctx: DdbContext, groupUuid: string): Promise<void> {
  const { Item } = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: groupMembersKey(groupUuid),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new Error(`group ${groupUuid} has no members item`);
}

function newestFirst(ctx: DdbContext, pk: string, limit: number) {
  return ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: limit + 1,
    }),
  );
}

export async function listGroupsBefore(ctx: DdbContext, pool: Pool, sub: string, limit: number) {
  const me = await callerBefore(pool, sub);
  return newestFirst(ctx, groupRowPk(me.uuid), limit);
}

export async function listMessagesBefore(
  ctx: DdbContext,
  pool: Pool,
  sub: string,
  groupUuid: string,
  limit: number,
) {
  await callerBefore(pool, sub);
  await memberBefore(ctx, groupUuid);
  return newestFirst(ctx, messagePk(groupUuid), limit);
}

export async function createMessageBefore(
  ctx: DdbContext,
  pool: Pool,
  sub: string,
  groupUuid: string,
  message: string,
) {
  const sender = await callerBefore(pool, sub);
  await memberBefore(ctx, groupUuid);
  const messageUuid = randomUUID();
  const item = messageItem(
    { messageGroupUuid: groupUuid, sender, message, messageUuid },
    nowTimestamp(),
  );
  await ctx.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: ctx.tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: ctx.tableName,
            Item: {
              pk: `MSGID#${messageUuid}`,
              sk: 'MSGID',
              message_pk: item.pk,
              message_sk: item.sk,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}
