import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DdbContext } from '../context';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why each named item of a cancelled transaction failed (`None` = that item was fine). */
export interface Cancellation<K extends string> {
  codes: Record<K, string>;
  reasons: CancellationReason[];
}

export const CONDITION_FAILED = 'ConditionalCheckFailed';
export const CONFLICT = 'TransactionConflict';

/**
 * Runs one TransactWriteItems over items named by their role in it, and reports a cancellation
 * by those names (`codes.pairGuard === CONDITION_FAILED`), because the callers resolve their
 * expected ones (a key already taken, a concurrent transaction on the same item). Throttling and
 * server errors are the SDK's to retry.
 */
export async function transactWrite<K extends string>(
  ctx: DdbContext,
  items: Record<K, TransactItem>,
): Promise<Cancellation<K> | null> {
  const names = Object.keys(items) as K[];
  try {
    await ctx.doc.send(new TransactWriteCommand({ TransactItems: names.map((n) => items[n]) }));
    return null;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const codes = Object.fromEntries(
      names.map((name, i) => [name, reasons[i]?.Code ?? 'None']),
    ) as Record<K, string>;
    return { codes, reasons };
  }
}

/** Whether any named item failed with `code`. */
export const anyFailed = <K extends string>(cancellation: Cancellation<K>, code: string) =>
  Object.values<string>(cancellation.codes).includes(code);

/** Jittered wait before retrying after contention: the other writer needs a moment. */
export function conflictPause(attempt: number): Promise<void> {
  const ceiling = Math.min(1_000, 20 * 2 ** attempt);
  return sleep(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Enough for a burst of same-microsecond writes from many processes; beyond that something is wrong. */
export const MAX_ATTEMPTS = 50;
