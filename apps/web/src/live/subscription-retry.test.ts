import { describe, expect, it } from 'vitest';
import {
  createSubscriptionRetry,
  MAX_DELAY_MS,
  MAX_RENEWALS,
  STABLE_MS,
  type RetryInput,
} from './subscription-retry';

const failure = (code?: string, retryAfterMs?: number): RetryInput => ({
  error: { data: code ? { code, retryAfterMs } : undefined },
});

function setup(canRenew = () => true) {
  let clock = 1_000_000;
  const policy = createSubscriptionRetry({ canRenew, now: () => clock, random: () => 1 });
  const fail = (input: RetryInput, afterMs = 1_000) => {
    clock += afterMs;
    const retry = policy.retry(input);
    return { retry, delayMs: policy.retryDelayMs() };
  };
  return { fail };
}

describe('createSubscriptionRetry', () => {
  it('reconnects at once with a renewed token after the server ended an expired stream', () => {
    const { fail } = setup();
    expect(fail(failure('UNAUTHORIZED'))).toEqual({ retry: true, delayMs: 0 });
  });

  it('stops when there is no session to renew', () => {
    const { fail } = setup(() => false);
    expect(fail(failure('UNAUTHORIZED')).retry).toBe(false);
  });

  it('stops after a few renewed tokens were refused in a row, and renews again after a quiet hour', () => {
    const { fail } = setup();
    for (let i = 0; i < MAX_RENEWALS; i++) expect(fail(failure('UNAUTHORIZED')).retry).toBe(true);
    expect(fail(failure('UNAUTHORIZED')).retry).toBe(false);
    expect(fail(failure('UNAUTHORIZED'), 3_600_000)).toEqual({ retry: true, delayMs: 0 });
  });

  it('backs off exponentially while the API cannot be reached, up to a cap', () => {
    const { fail } = setup();
    const delays = Array.from({ length: 7 }, () => fail(failure()).delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, MAX_DELAY_MS, MAX_DELAY_MS]);
    expect(fail(failure('SERVICE_UNAVAILABLE')).retry).toBe(true);
  });

  it('starts the backoff again once a connection stayed up for a while', () => {
    const { fail } = setup();
    fail(failure());
    fail(failure());
    expect(fail(failure()).delayMs).toBe(4_000);
    expect(fail(failure(), STABLE_MS + 1).delayMs).toBe(1_000);
  });

  it('waits at least as long as the server asks when there are too many streams', () => {
    const { fail } = setup();
    expect(fail(failure('TOO_MANY_REQUESTS'))).toEqual({ retry: true, delayMs: 5_000 });
    expect(fail(failure('TOO_MANY_REQUESTS', 12_000)).delayMs).toBe(12_000);
  });

  it('leaves errors that a retry cannot fix to the caller', () => {
    const { fail } = setup();
    expect(fail(failure('BAD_REQUEST')).retry).toBe(false);
    expect(fail(failure('METHOD_NOT_SUPPORTED')).retry).toBe(false);
    expect(fail(failure('FORBIDDEN')).retry).toBe(false);
  });
});
