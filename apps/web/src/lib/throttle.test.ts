import { describe, expect, it } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  it('lets the first call through, then one per interval', () => {
    let clock = 0;
    const gate = createThrottle(1_000, () => clock);
    const passed = [0, 200, 999, 1_000, 1_500, 2_100].map((t) => ((clock = t), gate.pass()));
    expect(passed).toEqual([true, false, false, true, false, true]);
  });
});
