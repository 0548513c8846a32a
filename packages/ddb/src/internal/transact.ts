import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DdbContext } from '../context';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Why each item of a cancelled transaction failed, in request order (`None` = that item was fine). */
export interface Cancellation {
  codes: string[];
  reasons: CancellationReason[];
}

export const CONDITION_FAILED = 'ConditionalCheckFailed';
export const CONFLICT = 'TransactionConflict';

/**
 * Runs one TransactWriteItems. A cancellation comes back as data, because the callers resolve
 * their expected ones (a key already taken, a concurrent transaction on the same item) and report
 * the rest as TransactionCancelledError. Throttling and server errors are the SDK's to retry.
 */
export async function transactWrite(
  ctx: DdbContext,
  items: TransactItems,
): Promise<Cancellation | null> {
  try {
    await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
    return null;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    return { reasons, codes: items.map((_, i) => reasons[i]?.Code ?? 'None') };
  }
}

/** Jittered wait before retrying after a TransactionConflict: the other transaction needs a moment. */
export function conflictPause(attempt: number): Promise<void> {
  const ceiling = Math.min(1_000, 20 * 2 ** attempt);
  return sleep(ceiling / 2 + Math.random() * (ceiling / 2));
}
