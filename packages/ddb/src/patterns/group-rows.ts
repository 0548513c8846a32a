import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { queryAll } from '../internal/query-all';
import { readableItems } from '../internal/read-items';
import { sortKeyMicros } from '../internal/timestamp';
import { GroupRowItem, itemKey } from '../model/items';
import { GROUP_ROW_PREFIX, groupRowPk, MESSAGE_GROUP_INDEX } from '../model/keys';

/** One participant's row of a group, as stored. */
export interface FoundRow {
  ownerUuid: string;
  item: GroupRowItem;
}

/** A row after a write that may have changed it: what its owner's list and the other person see change. */
export interface RowChange extends FoundRow {
  /** Whether the write changed this row. */
  changed: boolean;
  /**
   * Its unread count after the write minus before. Every write of a row is conditional on the
   * row being as read, so the deltas of all writes add up to the count: a list keeps a total
   * exact from them alone.
   */
  unreadDelta: number;
  /** Whether the owner's read position moved forward (a receipt for the other person). */
  readMoved: boolean;
}

/** One row per owner: should a crash of other code have left two, the newer is the row. */
function newestPerOwner(ctx: DdbContext, groupUuid: string, items: GroupRowItem[]): FoundRow[] {
  const byOwner = new Map<string, GroupRowItem>();
  for (const item of items) {
    const owner = item.pk.slice(GROUP_ROW_PREFIX.length);
    const kept = byOwner.get(owner);
    if (kept && sortKeyMicros(kept.sk) >= sortKeyMicros(item.sk)) continue;
    if (kept) ctx.report({ key: itemKey(kept), problem: `a second row of group ${groupUuid}` });
    byOwner.set(owner, item);
  }
  return [...byOwner].map(([ownerUuid, item]) => ({ ownerUuid, item }));
}

/**
 * The rows of a group as the GSI shows them: the original's way, one eventually consistent Query.
 * It may lag behind a move or a new group by a moment, so callers that act on what it says put a
 * condition on the row they read; with `confirm`, each row is read again by its own key with
 * strong consistency, and one that has moved meanwhile is looked up where it is now.
 */
export async function findGroupRows(
  ctx: DdbContext,
  groupUuid: string,
  { confirm = false }: { confirm?: boolean } = {},
): Promise<FoundRow[]> {
  const items = await queryAll(ctx, {
    IndexName: MESSAGE_GROUP_INDEX,
    KeyConditionExpression: 'message_group_uuid = :g',
    ExpressionAttributeValues: { ':g': groupUuid },
  });
  const rows = newestPerOwner(ctx, groupUuid, readableItems(ctx, GroupRowItem, items));
  if (!confirm) return rows;
  const confirmed = await Promise.all(
    rows.map(
      async (row) =>
        (await readRow(ctx, row.item.pk, row.item.sk)) ?? rowOf(ctx, row.ownerUuid, groupUuid),
    ),
  );
  return confirmed.filter((row): row is FoundRow => row !== undefined);
}

/** The row at exactly this key, read with strong consistency. */
export async function readRow(
  ctx: DdbContext,
  pk: string,
  sk: string,
): Promise<FoundRow | undefined> {
  const { Item } = await ctx.doc.send(
    new GetCommand({ TableName: ctx.tableName, Key: { pk, sk }, ConsistentRead: true }),
  );
  const [item] = Item ? readableItems(ctx, GroupRowItem, [Item]) : [];
  return item && { ownerUuid: item.pk.slice(GROUP_ROW_PREFIX.length), item };
}

/**
 * Where `owner`'s row of a group is now, from strongly consistent data: their whole list, read
 * and filtered. It costs as much as the list is long, so it is the fallback when the GSI and a
 * direct read have not found the row — a group just created, a row another writer moved.
 */
export async function rowOf(
  ctx: DdbContext,
  ownerUuid: string,
  groupUuid: string,
): Promise<FoundRow | undefined> {
  const items = await queryAll(ctx, {
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'message_group_uuid = :g',
    ExpressionAttributeValues: { ':pk': groupRowPk(ownerUuid), ':g': groupUuid },
    ConsistentRead: true,
  });
  return newestPerOwner(ctx, groupUuid, readableItems(ctx, GroupRowItem, items))[0];
}
