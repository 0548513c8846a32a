import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { memberKey } from '../model/keys';
import { isUuid } from '@cruddur/validators';

/**
 * Whether `userUuid` takes part in the group: one strongly consistent GetItem of the member item,
 * so a group is readable by its members the moment it exists. Anything that is not a uuid is
 * simply not a member.
 */
export async function isMember(
  ctx: DdbContext,
  messageGroupUuid: string,
  userUuid: string,
): Promise<boolean> {
  if (!isUuid(messageGroupUuid) || !isUuid(userUuid)) return false;
  const { Item } = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: memberKey(messageGroupUuid, userUuid),
      ConsistentRead: true,
      ProjectionExpression: 'pk',
    }),
  );
  return Item !== undefined;
}
