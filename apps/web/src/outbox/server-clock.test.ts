import { describe, expect, it } from 'vitest';
import { latestAsOf, ServerClock } from './server-clock';

describe('ServerClock', () => {
  it('follows this device’s clock until the server says what time it is', () => {
    let now = Date.parse('2026-11-24T19:00:00.000Z');
    const clock = new ServerClock(() => now);
    expect(clock.nowMicros()).toBe(now * 1000);
    // The server is 8 s behind this device.
    clock.observe('2026-11-24T18:59:52.000000+00:00');
    now += 1_000;
    expect(clock.nowMicros()).toBe(Date.parse('2026-11-24T18:59:53.000Z') * 1000);
  });

  it('ignores a time it cannot read', () => {
    const clock = new ServerClock(() => 5_000);
    clock.observe('not a time');
    expect(clock.nowMicros()).toBe(5_000_000);
  });
});

describe('latestAsOf', () => {
  it('is the newest asOf of the loaded pages, or null', () => {
    const pages = [
      { asOf: '2026-11-24T19:00:00.000000+00:00' },
      { asOf: '2026-11-24T19:05:00.000000+00:00' },
      {},
    ];
    expect(latestAsOf({ pages })).toBe('2026-11-24T19:05:00.000000+00:00');
    expect(latestAsOf({ pages: [] })).toBeNull();
    expect(latestAsOf(undefined)).toBeNull();
  });
});
