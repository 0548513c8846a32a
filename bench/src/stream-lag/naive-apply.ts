import {
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { MESSAGE_GROUP_INDEX, type DdbContext } from '@cruddur/ddb';
import type { ApplyRecord } from '@cruddur/stream-worker';

/**
 * The original seed-style stream update, kept only as the benchmark's point of comparison: query
 * the group's rows, then delete and put each one. Not atomic (a reader can see a row missing) and
 * blind to order (an older record moves a row back); pattern E's core fixes both.
 */
export function naiveApply(ctx: DdbContext): ApplyRecord {
  return async (record) => {
    const image = record.dynamodb?.NewImage;
    const pk = image?.pk?.S;
    if (record.eventName !== 'INSERT' || !pk?.startsWith('MSG#'))
      return { outcome: 'skipped', rowsUpdated: 0 };
    const sk = image?.sk?.S;
    const text = image?.message?.S;
    if (!sk || text === undefined) throw new Error(`message ${pk} has no sk or text`);
    const { Items: rows = [] } = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: MESSAGE_GROUP_INDEX,
        KeyConditionExpression: 'message_group_uuid = :group',
        FilterExpression: 'begins_with(pk, :rows)',
        ExpressionAttributeValues: {
          ':group': { S: pk.slice('MSG#'.length) },
          ':rows': { S: 'GRP#' },
        },
      }),
    );
    for (const row of rows) {
      await ctx.client.send(
        new DeleteItemCommand({ TableName: ctx.tableName, Key: { pk: row.pk!, sk: row.sk! } }),
      );
      const moved: Record<string, AttributeValue> = { ...row, sk: { S: sk }, message: { S: text } };
      await ctx.client.send(new PutItemCommand({ TableName: ctx.tableName, Item: moved }));
    }
    return { outcome: 'applied', rowsUpdated: rows.length };
  };
}
