import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECOVERY_MAX_MS, recoveryDelayMs, RecoveryLoop } from './recovery-loop';

describe('recoveryDelayMs', () => {
  it('doubles from 1 s up to the cap, with jitter of up to half', () => {
    expect([0, 1, 2, 3, 10].map((n) => recoveryDelayMs(n, () => 1))).toEqual([
      1_000,
      2_000,
      4_000,
      8_000,
      RECOVERY_MAX_MS,
    ]);
    expect(recoveryDelayMs(0, () => 0)).toBe(500);
  });
});

describe('RecoveryLoop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function loop(failuresBeforeSuccess: number) {
    let failing = true;
    let left = failuresBeforeSuccess;
    const retry = vi.fn(async () => {
      if (left-- <= 0) failing = false;
    });
    const recovery = new RecoveryLoop({ failing: () => failing, retry, random: () => 1 });
    return { recovery, retry, isFailing: () => failing };
  }

  it('retries with backoff until what failed loads, then stops', async () => {
    const { recovery, retry, isFailing } = loop(2);
    recovery.failed();
    await vi.advanceTimersByTimeAsync(999);
    expect(retry).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(retry).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(retry).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(retry).toHaveBeenCalledTimes(3);
    expect(isFailing()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(retry).toHaveBeenCalledTimes(3);
  });

  it('retries at once when the API may be back, without waiting out the backoff', async () => {
    const { recovery, retry, isFailing } = loop(0);
    recovery.failed();
    recovery.maybeBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(retry).toHaveBeenCalledTimes(1);
    expect(isFailing()).toBe(false);
  });

  it('does nothing while nothing fails', async () => {
    const retry = vi.fn(async () => {});
    const recovery = new RecoveryLoop({ failing: () => false, retry });
    recovery.failed();
    recovery.maybeBack();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(retry).not.toHaveBeenCalled();
  });
});
