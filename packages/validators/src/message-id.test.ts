import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid';
import { messageIdAt, messageIdClock, microsOfMessageId } from './message-id';

describe('message ids', () => {
  it('carry their instant to the microsecond, for every microsecond of a millisecond', () => {
    const base = Date.parse('2026-11-24T19:03:07.123Z') * 1000;
    for (let us = 0; us < 1000; us++) {
      const id = messageIdAt(base + us);
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect(microsOfMessageId(id)).toBe(base + us);
    }
  });

  it('sort by time as strings, and are told apart from other uuids', () => {
    const a = messageIdAt(1_800_000_000_000_000);
    const b = messageIdAt(1_800_000_000_000_001);
    expect(a < b).toBe(true);
    expect(microsOfMessageId('5f0d6f4e-3c52-4d0e-9b3a-2f1f7c1f9a10')).toBeNull();
    expect(microsOfMessageId('not-an-id')).toBeNull();
  });

  it('come out strictly increasing from one clock, even when it stands still', () => {
    const next = messageIdClock(() => 1_800_000_000_000_000);
    const ids = [next(), next(), next()];
    expect(ids.map(microsOfMessageId)).toEqual([
      1_800_000_000_000_000, 1_800_000_000_000_001, 1_800_000_000_000_002,
    ]);
  });
});
