import { type DdbContext } from '../context';
import { fitWithinWriteUnit } from '../internal/item-size';
import { sortKeyMicros } from '../internal/timestamp';
import { MAX_ATTEMPTS, transactWrite, type TransactItem } from '../internal/transact';
import { TransactionCancelledError } from '../model/errors';
import { type GroupRowItem, type MessageItem } from '../model/items';
import { findGroupRows, type FoundRow } from './group-rows';
import {
  countUnread,
  rowChange,
  unchangedCondition,
  type GroupRowsUpdate,
} from './update-group-rows';

/** Whether the row shows this message (rows the original wrote name it by key only). */
const shows = (row: GroupRowItem, m: MessageItem) =>
  row.message_uuid !== undefined ? row.message_uuid === m.message_uuid : row.sk === m.sk;

/**
 * Pattern E for messages changed in place (MODIFY records): a row that shows one of them shows
 * its new text, or that it was deleted; a deleted message the row's owner had not read yet no
 * longer counts as unread. Rows that show another message, and changes that only add a reaction,
 * move nothing. Each write is conditional on the row being as read, like the moves.
 */
export async function refreshGroupRows(
  ctx: DdbContext,
  groupUuid: string,
  changed: readonly MessageItem[],
): Promise<GroupRowsUpdate> {
  let cancelled;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rows = await findGroupRows(ctx, groupUuid, { confirm: attempt > 0 });
    const plans = await Promise.all(rows.map((row) => planRefresh(ctx, groupUuid, row, changed)));
    const items: Record<string, TransactItem> = {};
    plans.forEach((plan, i) => {
      if (plan) items[`update ${rows[i]!.ownerUuid}`] = plan.item;
    });
    const after = rows.map((row, i) => rowChange(row, plans[i]?.after));
    if (Object.keys(items).length === 0)
      return { messageGroupUuid: groupUuid, changed: false, moved: 0, rows: after };
    cancelled = await transactWrite(ctx, items);
    if (!cancelled) return { messageGroupUuid: groupUuid, changed: true, moved: 0, rows: after };
  }
  throw new TransactionCancelledError('refreshGroupRows', cancelled?.reasons ?? []);
}

async function planRefresh(
  ctx: DdbContext,
  groupUuid: string,
  { ownerUuid, item: row }: FoundRow,
  changed: readonly MessageItem[],
): Promise<{ after: GroupRowItem; item: TransactItem } | undefined> {
  const shown = changed.find((m) => shows(row, m));
  const after: GroupRowItem = { ...row };
  if (shown?.deleted_at) {
    after.message = '';
    after.message_deleted = true;
  } else if (shown) {
    after.message = fitWithinWriteUnit(after, 'message', shown.message);
  }
  const readAt = sortKeyMicros(row.read_sk ?? row.sk);
  const unreadGone = changed.some(
    (m) => m.deleted_at && m.user_uuid !== ownerUuid && sortKeyMicros(m.sk) > readAt,
  );
  if (unreadGone && (row.unread ?? 0) > 0)
    after.unread = await countUnread(ctx, groupUuid, row.user_uuid, row.read_sk ?? row.sk);
  if (
    after.message === row.message &&
    after.message_deleted === row.message_deleted &&
    after.unread === row.unread
  )
    return undefined;
  after.rev = (row.rev ?? 0) + 1;
  const unchanged = unchangedCondition(groupUuid, row);
  return {
    after,
    item: {
      Update: {
        TableName: ctx.tableName,
        Key: { pk: row.pk, sk: row.sk },
        UpdateExpression:
          'SET message = :message, message_deleted = :deleted, unread = :unread, rev = :next',
        ConditionExpression: unchanged.ConditionExpression,
        ExpressionAttributeValues: {
          ...unchanged.ExpressionAttributeValues,
          ':message': after.message,
          ':deleted': after.message_deleted === true,
          ':unread': after.unread ?? 0,
          ':next': after.rev,
        },
      },
    },
  };
}
