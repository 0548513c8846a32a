import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isUuid } from '@cruddur/validators';
import { type DdbContext } from '../context';
import { readableItems } from '../internal/read-items';
import { GroupMembersItem, MemberItem } from '../model/items';
import { groupMembersKey, membersPk } from '../model/keys';
import { findGroupRows } from './group-rows';

/** The two people of a conversation, in uuid order. */
export type Members = readonly [string, string];

const sorted = (a: string, b: string): Members => (a < b ? [a, b] : [b, a]);

/**
 * The members of a group from strongly consistent data: this project's membership item, or the
 * member items its version 1 wrote. Null when the group has neither (unknown, or written by the
 * original Python code).
 */
export async function readMembers(ctx: DdbContext, groupUuid: string): Promise<Members | null> {
  const { Items = [] } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': membersPk(groupUuid) },
      ConsistentRead: true,
    }),
  );
  const v2 = readableItems(
    ctx,
    GroupMembersItem,
    Items.filter((i) => i.sk === 'MEMBERS'),
  );
  if (v2[0]) return sorted(v2[0].member_uuids[0]!, v2[0].member_uuids[1]!);
  const v1 = readableItems(
    ctx,
    MemberItem,
    Items.filter((i) => i.sk !== 'MEMBERS'),
  );
  return v1.length === 2 ? sorted(v1[0]!.user_uuid, v1[1]!.user_uuid) : null;
}

/** Records the two members of a group once; a record already there wins (and is returned). */
export async function recordMembers(
  ctx: DdbContext,
  groupUuid: string,
  members: Members,
): Promise<Members> {
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...groupMembersKey(groupUuid), member_uuids: [...members] },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return members;
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    return (await readMembers(ctx, groupUuid)) ?? members;
  }
}

/**
 * A group the original Python code wrote has group rows and messages, nothing else. Its members
 * are the owners of its rows (and the people those rows show). The rows are found through the
 * GSI, as the original found them, and each is confirmed by a strongly consistent read of its own
 * key: a row exists only for a member, so a confirmed row is proof. The membership is then
 * recorded, so the next read is one GetItem like any other group's.
 */
export async function adoptLegacyGroup(
  ctx: DdbContext,
  groupUuid: string,
): Promise<Members | null> {
  const rows = await findGroupRows(ctx, groupUuid, { confirm: true });
  const people = new Set(rows.flatMap((row) => [row.ownerUuid, row.item.user_uuid]));
  if (people.size !== 2) return null;
  const [a, b] = [...people] as [string, string];
  return recordMembers(ctx, groupUuid, sorted(a, b));
}

/** The members of any group this table holds, adopting a legacy group on first use; null if unknown. */
export async function groupMembers(ctx: DdbContext, groupUuid: string): Promise<Members | null> {
  if (!isUuid(groupUuid)) return null;
  return (await readMembers(ctx, groupUuid)) ?? (await adoptLegacyGroup(ctx, groupUuid));
}

/** Whether `userUuid` takes part in the group, decided from strongly consistent data. */
export async function isMember(
  ctx: DdbContext,
  groupUuid: string,
  userUuid: string,
): Promise<boolean> {
  return (await groupMembers(ctx, groupUuid))?.includes(userUuid) ?? false;
}

export { sorted as membersOf };
