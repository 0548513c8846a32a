import { describe, expect, it } from 'vitest';
import {
  formatTimestamp,
  canonicalSortKey,
  isTimestamp,
  parseSortKey,
  nextMicrosecond,
  nowTimestamp,
  TIMESTAMP_PATTERN,
  timestampToMicros,
} from './timestamp';

describe('formatTimestamp', () => {
  it('writes UTC with microseconds in the fixed width of the original', () => {
    expect(formatTimestamp(new Date('2026-11-24T19:03:07.123Z'), 456)).toBe(
      '2026-11-24T19:03:07.123456+00:00',
    );
    expect(formatTimestamp(new Date('2027-01-01T00:00:00.000Z'))).toBe(
      '2027-01-01T00:00:00.000000+00:00',
    );
  });

  it('rejects microseconds outside the millisecond and years that would break the width', () => {
    expect(() => formatTimestamp(new Date(), 1000)).toThrow(RangeError);
    expect(() => formatTimestamp(new Date(), -1)).toThrow(RangeError);
    expect(() => formatTimestamp(new Date(), 1.5)).toThrow(RangeError);
    expect(() => formatTimestamp(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('makes string order equal time order', () => {
    const dates = [
      '2025-12-31T23:59:59.999Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.001Z',
      '2026-10-01T00:00:00.000Z',
    ];
    const keys = dates.map((d) => formatTimestamp(new Date(d), 999));
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('nextMicrosecond', () => {
  it('adds one microsecond, carrying into milliseconds, seconds and the year', () => {
    expect(nextMicrosecond('2026-11-24T19:03:07.123456+00:00')).toBe(
      '2026-11-24T19:03:07.123457+00:00',
    );
    expect(nextMicrosecond('2026-11-24T19:03:07.123999+00:00')).toBe(
      '2026-11-24T19:03:07.124000+00:00',
    );
    expect(nextMicrosecond('2026-12-31T23:59:59.999999+00:00')).toBe(
      '2027-01-01T00:00:00.000000+00:00',
    );
  });

  it('refuses what is not a sort key', () => {
    expect(() => nextMicrosecond('2026-11-24T19:03:07Z')).toThrow(RangeError);
    expect(() => timestampToMicros('2026-13-45T19:03:07.123456+00:00')).toThrow(RangeError);
    expect(isTimestamp('2026-13-45T19:03:07.123456+00:00')).toBe(false);
    expect(isTimestamp('2026-11-24T19:03:07.123456+00:00')).toBe(true);
  });
});

describe('nowTimestamp', () => {
  it('is the current time, strictly increasing within the process', () => {
    const before = Date.now();
    const keys = Array.from({ length: 5_000 }, () => nowTimestamp());
    expect(keys.every((k) => TIMESTAMP_PATTERN.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
    expect(Math.floor(timestampToMicros(keys[0]!) / 1000)).toBeGreaterThanOrEqual(before);
  });
});

describe('parseSortKey', () => {
  const instant = Date.parse('2023-03-22T19:03:07.123Z') * 1000 + 456;

  it('reads every form the original wrote, as the same instant', () => {
    expect(parseSortKey('2023-03-22T19:03:07.123456+00:00')).toBe(instant);
    expect(parseSortKey('2023-03-22T14:03:07.123456-05:00')).toBe(instant);
    expect(parseSortKey('2023-03-23T00:33:07.123456+05:30')).toBe(instant);
    expect(parseSortKey('2023-03-22T19:03:07+00:00')).toBe(instant - 123_456);
    expect(parseSortKey('2023-03-22T19:03:07Z')).toBe(instant - 123_456);
    expect(parseSortKey('2023-03-22T19:03:07.1+00:00')).toBe(instant - 23_456);
  });

  it('refuses what is not a real instant', () => {
    for (const bad of [
      '2026-13-01T00:00:00.000000+00:00',
      '2026-02-31T00:00:00.000000+00:00',
      '2026-01-01T99:00:00.000000+00:00',
      '0000-01-01T00:00:00.000000+00:00',
      '2026-01-01T00:00:00.000000+24:00',
      '2026-01-01',
      'GRP',
      42,
    ])
      expect(parseSortKey(bad), String(bad)).toBeNull();
  });

  it('gives each reading its canonical form', () => {
    expect(canonicalSortKey('2023-03-22T14:03:07-05:00')).toBe('2023-03-22T19:03:07.000000+00:00');
    expect(canonicalSortKey('nonsense')).toBeNull();
  });
});
