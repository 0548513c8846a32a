import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { sortKeyMicros } from '../internal/timestamp';
import { conflictPause, MAX_ATTEMPTS } from '../internal/transact';
import { checkUuid } from '../internal/validate';
import { MessageNotFoundError, NotMemberError } from '../model/errors';
import { toMessageGroup } from '../model/items';
import { findMessage } from './find-message';
import { findGroupRows, type RowChange } from './group-rows';
import { countsUpdate, countUnread, rowChange } from './update-group-rows';

/**
 * Moves a member's read position forward to a message of the group (never back: reading an older
 * message again changes nothing) and recounts what stays unread after it. The position lives on
 * the member's own row, in attributes the original's queries do not look at. The row is read
 * through the GSI and written only if it is still as read, so a concurrent pattern E costs a
 * retry, never a lost count.
 */
export async function markRead(
  ctx: DdbContext,
  groupUuid: string,
  readerUuid: string,
  messageUuid: string,
): Promise<RowChange> {
  checkUuid('messageGroupUuid', groupUuid);
  checkUuid('userUuid', readerUuid);
  checkUuid('messageUuid', messageUuid);
  const message = await findMessage(ctx, groupUuid, messageUuid);
  if (!message) throw new MessageNotFoundError(groupUuid, messageUuid);
  const target = sortKeyMicros(message.sk);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rows = await findGroupRows(ctx, groupUuid, { confirm: attempt > 0 });
    const row = rows.find((r) => r.ownerUuid === readerUuid);
    if (!row) {
      // The GSI may not show a row written a moment ago; strongly consistent data decides.
      if (attempt > 0) throw new NotMemberError(groupUuid, readerUuid);
      continue;
    }
    const { item } = row;
    const readAt = sortKeyMicros(item.read_sk === undefined ? item.sk : item.read_sk);
    if (target <= readAt) return rowChange(row, undefined);
    // Nothing the row shows comes after the target: what may come later is pattern E's to count.
    const unread =
      target >= sortKeyMicros(item.sk)
        ? 0
        : await countUnread(ctx, groupUuid, item.user_uuid, message.sk);
    const update = countsUpdate(ctx, groupUuid, item, { readSk: message.sk, unread });
    try {
      await ctx.doc.send(new UpdateCommand(update.item.Update));
      return rowChange(row, update.after);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await conflictPause(attempt);
    }
  }
  throw new Error(`markRead: the row of ${readerUuid} kept changing`);
}

/** Each member's read position in a group (canonical sort keys), as the GSI shows the rows. */
export async function readPositions(
  ctx: DdbContext,
  groupUuid: string,
): Promise<Map<string, string | null>> {
  checkUuid('messageGroupUuid', groupUuid);
  const rows = await findGroupRows(ctx, groupUuid);
  return new Map(rows.map((row) => [row.ownerUuid, toMessageGroup(row.item).readAt]));
}
