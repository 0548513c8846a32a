import { type DdbContext } from '../context';
import { canonicalSortKey, nextMicrosecond } from '../internal/timestamp';
import {
  CONDITION_FAILED,
  conflictPause,
  MAX_ATTEMPTS,
  transactWrite,
  type Cancellation,
} from '../internal/transact';
import { TransactionCancelledError } from '../model/errors';
import { GROUP_ROW_PREFIX, MESSAGE_PREFIX } from '../model/keys';

export type Rewrite = 'rewritten' | 'already-canonical' | 'gone';

/** Whether `item` is a message or group row whose sort key (or read position) is not canonical. */
export function needsCanonicalKey(item: Record<string, unknown>): boolean {
  const pk = String(item.pk);
  if (!pk.startsWith(MESSAGE_PREFIX) && !pk.startsWith(GROUP_ROW_PREFIX)) return false;
  const sk = String(item.sk);
  if (canonicalSortKey(sk) !== sk) return true;
  const read = item.read_sk;
  return typeof read === 'string' && read !== '' && canonicalSortKey(read) !== read;
}

/**
 * Moves a message or a group row the original wrote to the canonical form of its sort key (the
 * same instant in UTC, with microseconds), so that string order is time order again: in one
 * transaction, a copy at the new key (only if that key is free: a message of the same instant
 * there moves it one microsecond on) and the delete of the old one (only if it is still as
 * read). The copy carries `migrated_from`, which tells pattern E that it is the same message
 * again, not a new one. A row's read position is made canonical with it.
 */
export async function rewriteToCanonicalKey(
  ctx: DdbContext,
  item: Record<string, unknown>,
): Promise<Rewrite> {
  if (!needsCanonicalKey(item)) return 'already-canonical';
  const oldSk = String(item.sk);
  let sk = canonicalSortKey(oldSk);
  if (sk === null) throw new Error(`cannot read the sort key of ${String(item.pk)} / ${oldSk}`);
  const read =
    typeof item.read_sk === 'string' && item.read_sk !== ''
      ? canonicalSortKey(item.read_sk)
      : item.read_sk;
  let cancellation: Cancellation<string> | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const copy: Record<string, unknown> = {
      ...item,
      sk,
      ...(read === undefined ? {} : { read_sk: read }),
    };
    if (sk !== oldSk && String(item.pk).startsWith(MESSAGE_PREFIX)) copy.migrated_from = oldSk;
    if (String(item.pk).startsWith(GROUP_ROW_PREFIX)) copy.rev = (Number(item.rev) || 0) + 1;
    const replacesItself = sk === oldSk;
    cancellation = await transactWrite<string>(
      ctx,
      replacesItself
        ? {
            // Only the read position changes: update the item where it is.
            original: {
              Put: {
                TableName: ctx.tableName,
                Item: copy,
                ConditionExpression:
                  'attribute_exists(pk) AND (rev = :rev OR attribute_not_exists(rev))',
                ExpressionAttributeValues: { ':rev': item.rev ?? 0 },
              },
            },
          }
        : {
            copy: {
              Put: {
                TableName: ctx.tableName,
                Item: copy,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            original: {
              Delete: {
                TableName: ctx.tableName,
                Key: { pk: item.pk, sk: oldSk },
                ConditionExpression:
                  'attribute_exists(pk) AND (rev = :rev OR attribute_not_exists(rev))',
                ExpressionAttributeValues: { ':rev': item.rev ?? 0 },
              },
            },
          },
    );
    if (!cancellation) return 'rewritten';
    const { copy: copyCode, original } = cancellation.codes;
    // Deleted or changed meanwhile (pattern E moved the row): whoever did it wrote it canonically.
    if (original === CONDITION_FAILED) return 'gone';
    if (copyCode === CONDITION_FAILED) sk = nextMicrosecond(sk);
    else await conflictPause(attempt);
  }
  throw new TransactionCancelledError('rewriteToCanonicalKey', cancellation?.reasons ?? []);
}
