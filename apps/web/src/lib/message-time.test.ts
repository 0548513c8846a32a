import { describe, expect, it } from 'vitest';
import { calendarDay, dayLabel, formatClockTime, formatExactTime } from './message-time';

const now = new Date('2026-11-24T19:03:07.000Z');
const utc = { now, locale: 'en-US', timeZone: 'UTC' };

describe('calendarDay', () => {
  it('is the date where the reader is', () => {
    const late = new Date('2026-11-24T23:30:00.000Z');
    expect(calendarDay(late, { timeZone: 'UTC' })).toBe('2026-11-24');
    expect(calendarDay(late, { timeZone: 'Asia/Tokyo' })).toBe('2026-11-25');
    expect(calendarDay(late, { timeZone: 'America/Los_Angeles' })).toBe('2026-11-24');
  });
});

describe('dayLabel', () => {
  it('says Today and Yesterday, in the reader’s language', () => {
    expect(dayLabel('2026-11-24', utc)).toBe('Today');
    expect(dayLabel('2026-11-23', utc)).toBe('Yesterday');
    expect(dayLabel('2026-11-24', { ...utc, locale: 'fr' })).toBe('Aujourd’hui');
  });

  it('names older days with their weekday, and the year only for another year', () => {
    expect(dayLabel('2026-11-22', utc)).toBe('Sunday, November 22');
    expect(dayLabel('2025-12-31', utc)).toBe('Wednesday, December 31, 2025');
  });

  it('counts days in the reader’s time zone, across a month’s end', () => {
    const morning = new Date('2026-12-01T01:00:00.000Z');
    expect(dayLabel('2026-11-30', { now: morning, locale: 'en-US', timeZone: 'UTC' })).toBe(
      'Yesterday',
    );
    // Still November 30th in Los Angeles.
    expect(
      dayLabel('2026-11-30', { now: morning, locale: 'en-US', timeZone: 'America/Los_Angeles' }),
    ).toBe('Today');
  });
});

describe('message times', () => {
  const iso = '2026-11-24T19:03:07.123456+00:00';
  it('shows the time of day, and the exact instant to the second', () => {
    expect(formatClockTime(iso, utc)).toBe('7:03 PM');
    expect(formatExactTime(iso, utc)).toBe('Tuesday, November 24, 2026 at 7:03:07 PM');
  });
});
