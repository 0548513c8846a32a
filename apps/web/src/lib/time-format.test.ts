import { describe, expect, it } from 'vitest';
import { formatFullTime, formatRelativeTime, parseTimestamp } from './time-format';

const now = new Date('2026-11-24T19:03:07.000Z');
const opts = { now, locale: 'en-US', timeZone: 'UTC' };
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString().replace('Z', '000+00:00');

describe('formatRelativeTime', () => {
  it('says "now" under a minute, and for times slightly ahead of this clock', () => {
    expect(formatRelativeTime(ago(0), opts)).toBe('now');
    expect(formatRelativeTime(ago(59_999), opts)).toBe('now');
    expect(formatRelativeTime(ago(-5_000), opts)).toBe('now');
  });

  it('counts whole minutes under an hour', () => {
    expect(formatRelativeTime(ago(60_000), opts)).toBe('1m');
    expect(formatRelativeTime(ago(3 * 60_000 + 59_000), opts)).toBe('3m');
    expect(formatRelativeTime(ago(59 * 60_000), opts)).toBe('59m');
  });

  it('counts whole hours under a day', () => {
    expect(formatRelativeTime(ago(60 * 60_000), opts)).toBe('1h');
    expect(formatRelativeTime(ago(2 * 3_600_000 + 30 * 60_000), opts)).toBe('2h');
    expect(formatRelativeTime(ago(23 * 3_600_000 + 59 * 60_000), opts)).toBe('23h');
  });

  it('shows the date from a day on, with the year only when it is not this year', () => {
    expect(formatRelativeTime(ago(24 * 3_600_000), opts)).toBe('Nov 23');
    expect(formatRelativeTime('2026-11-03T08:00:00.000000+00:00', opts)).toBe('Nov 3');
    expect(formatRelativeTime('2026-01-01T00:00:00.000000+00:00', opts)).toBe('Jan 1');
    expect(formatRelativeTime('2025-12-31T23:59:59.999999+00:00', opts)).toBe('Dec 31, 2025');
  });

  it('decides "this year" in the reader’s time zone', () => {
    const newYear = { now: new Date('2027-01-01T03:00:00Z'), locale: 'en-US' };
    // 2026-12-30 20:00 UTC is still 2026 in both zones: a past year on Jan 1st 2027.
    expect(
      formatRelativeTime('2026-12-30T20:00:00.000000+00:00', { ...newYear, timeZone: 'UTC' }),
    ).toBe('Dec 30, 2026');
    // In New York it is still Dec 31st 2026 at 03:00 UTC on Jan 1st, so the same date has no year.
    expect(
      formatRelativeTime('2026-12-30T20:00:00.000000+00:00', {
        ...newYear,
        timeZone: 'America/New_York',
      }),
    ).toBe('Dec 30');
  });

  it('follows the locale', () => {
    expect(
      formatRelativeTime('2026-11-03T08:00:00.000000+00:00', { ...opts, locale: 'de-DE' }),
    ).toBe('3. Nov.');
  });
});

describe('parseTimestamp', () => {
  it('reads the API’s microsecond timestamps to the millisecond', () => {
    expect(parseTimestamp('2026-11-24T19:03:07.123456+00:00').toISOString()).toBe(
      '2026-11-24T19:03:07.123Z',
    );
    expect(parseTimestamp('2026-11-24T19:03:07.123Z').toISOString()).toBe(
      '2026-11-24T19:03:07.123Z',
    );
  });
});

describe('formatFullTime', () => {
  it('gives the full date and time', () => {
    expect(
      formatFullTime('2026-11-24T19:03:07.123456+00:00', { locale: 'en-US', timeZone: 'UTC' }),
    ).toBe('Nov 24, 2026, 7:03 PM');
  });
});
