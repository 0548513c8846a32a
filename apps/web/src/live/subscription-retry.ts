import { backoffMs } from '../lib/backoff';

/**
 * When and how soon tRPC's `retryLink` reopens the live subscription after it failed. Errors the
 * stream recovers from by itself (a 503 mid-stream: the EventSource reconnects with
 * Last-Event-ID) never reach it; what does reach it:
 * - UNAUTHORIZED: the server ended the stream at the token's expiry. The reconnection asks for a
 *   token afresh (the session store renews it), so the first retry is immediate; a token that is
 *   refused again and again, or no session at all, ends the retries instead of looping.
 * - TOO_MANY_REQUESTS: this person has too many streams open; wait, other tabs may close.
 * - no code (the API or the network unreachable) or a transient code: back off and retry.
 * - anything else (bad input, no live streams on this server): the caller decides.
 * `retryLink` counts attempts for the subscription's whole life, so the backoff keeps its own
 * count, which restarts once a connection has stayed up for a while.
 */

/** Failures further apart than this are not one outage: the count starts again. */
export const STABLE_MS = 60_000;
export const MAX_DELAY_MS = 30_000;
const BUSY_DELAY_MS = 5_000;
/** Reconnections with a renewed token before the stream is left stopped. */
export const MAX_RENEWALS = 3;

const TRANSIENT = new Set([
  'SERVICE_UNAVAILABLE',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
  'INTERNAL_SERVER_ERROR',
  'TIMEOUT',
]);

export interface RetryInput {
  error: { data?: { code?: string; retryAfterMs?: number | null } | null };
}

export interface SubscriptionRetryOptions {
  /** Whether a session exists whose token can be renewed. */
  canRenew: () => boolean;
  now?: () => number;
  random?: () => number;
}

export function createSubscriptionRetry(options: SubscriptionRetryOptions) {
  const { canRenew, now = Date.now, random = Math.random } = options;
  let streak = 0;
  let renewals = 0;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  let delayMs = 0;

  const backoff = () => backoffMs(streak - 1, MAX_DELAY_MS, random);

  return {
    retry: ({ error }: RetryInput): boolean => {
      const at = now();
      if (at - lastFailureAt > STABLE_MS) {
        streak = 0;
        renewals = 0;
      }
      lastFailureAt = at;
      streak += 1;
      const code = error.data?.code;
      if (code === 'UNAUTHORIZED') {
        renewals += 1;
        if (!canRenew() || renewals > MAX_RENEWALS) return false;
        delayMs = renewals === 1 ? 0 : backoff();
        return true;
      }
      if (code === 'TOO_MANY_REQUESTS') {
        delayMs = Math.max(BUSY_DELAY_MS, error.data?.retryAfterMs ?? 0, backoff());
        return true;
      }
      if (code === undefined || TRANSIENT.has(code)) {
        delayMs = backoff();
        return true;
      }
      return false;
    },
    /** The wait `retry` chose (retryLink asks right after a `true`). */
    retryDelayMs: (): number => delayMs,
  };
}
