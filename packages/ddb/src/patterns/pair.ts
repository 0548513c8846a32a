import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { queryAll } from '../internal/query-all';
import { readableItems } from '../internal/read-items';
import { parseSortKey } from '../internal/timestamp';
import { GroupRowItem, PairGuardItem, parseItem } from '../model/items';
import { groupRowPk, META_KEY, pairGuardKey } from '../model/keys';
import { adoptLegacyGroup, membersOf, type Members } from './membership';

/** The group two users share, by the pair guard, if they have one. */
export async function findPairGroup(
  ctx: DdbContext,
  a: string,
  b: string,
): Promise<string | undefined> {
  const { Item } = await ctx.doc.send(
    new GetCommand({ TableName: ctx.tableName, Key: pairGuardKey(a, b), ConsistentRead: true }),
  );
  return Item && parseItem(PairGuardItem, Item).group_uuid;
}

/** Makes `groupUuid` the pair's group unless another already is; returns the one that is. */
export async function claimPairGroup(
  ctx: DdbContext,
  members: Members,
  groupUuid: string,
): Promise<string> {
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...pairGuardKey(members[0], members[1]), group_uuid: groupUuid },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return groupUuid;
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    return (await findPairGroup(ctx, members[0], members[1])) ?? groupUuid;
  }
}

/**
 * Whether groups the original wrote may still lack their pair guard. A table this project
 * created, or one `pnpm ddb migrate` finished, says it has none; otherwise a new conversation
 * first looks for an old one between the same two people.
 */
export async function mayHoldLegacyPairs(ctx: DdbContext): Promise<boolean> {
  const known = legacyPairsKnown.get(ctx);
  if (known && known.until > Date.now()) return known.value;
  const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: META_KEY }));
  const value = Item?.legacy_pairs !== false;
  // Once the table says it has none it stays so; while it may, ask again now and then (migrate).
  legacyPairsKnown.set(ctx, { value, until: Date.now() + (value ? 60_000 : Infinity) });
  return value;
}

const legacyPairsKnown = new WeakMap<DdbContext, { value: boolean; until: number }>();

/**
 * The canonical one of several groups of one pair (the original made a new group every time
 * someone wrote to a person they already talked to): the one with the latest message, which is
 * the conversation the two are actually having. The others stay readable.
 */
export function canonicalGroup(groups: readonly { groupUuid: string; lastMessageAt: string }[]) {
  return [...groups].sort(
    (x, y) => (parseSortKey(y.lastMessageAt) ?? 0) - (parseSortKey(x.lastMessageAt) ?? 0),
  )[0];
}

/**
 * The groups the original wrote between `a` and `b`, from `a`'s list (strongly consistent; it
 * costs as much as the list is long, so it runs only while the table may hold such groups).
 */
export async function findLegacyPairGroups(ctx: DdbContext, a: string, b: string) {
  const items = await queryAll(ctx, {
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'user_uuid = :b',
    ExpressionAttributeValues: { ':pk': groupRowPk(a), ':b': b },
    ConsistentRead: true,
  });
  return readableItems(ctx, GroupRowItem, items).map((row) => ({
    groupUuid: row.message_group_uuid,
    lastMessageAt: row.sk,
  }));
}

/**
 * The pair's group for a new message: the guarded one, else (while legacy groups may remain) the
 * canonical legacy one, adopted and guarded on the spot; undefined when they have none.
 */
export async function resolvePairGroup(
  ctx: DdbContext,
  a: string,
  b: string,
): Promise<string | undefined> {
  const guarded = await findPairGroup(ctx, a, b);
  if (guarded || !(await mayHoldLegacyPairs(ctx))) return guarded;
  const legacy = canonicalGroup(await findLegacyPairGroups(ctx, a, b));
  if (!legacy) return undefined;
  await adoptLegacyGroup(ctx, legacy.groupUuid);
  return claimPairGroup(ctx, membersOf(a, b), legacy.groupUuid);
}
