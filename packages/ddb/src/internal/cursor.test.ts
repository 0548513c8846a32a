import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { InvalidCursorError } from '../model/errors';

const key = {
  pk: 'MSG#5f0d6f4e-3c52-4d0e-9b3a-2f1f7c1f9a10',
  sk: '2026-11-24T19:03:07.123456+00:00',
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursor', () => {
  it('round-trips the key of the list it came from and is opaque', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, key.pk)).toEqual(key);
  });

  it.each([
    ['an empty string', ''],
    ['not base64url', 'not a cursor!'],
    ['base64 of something that is not JSON', Buffer.from('{pk').toString('base64url')],
    ['JSON of the wrong shape', b64({ pk: key.pk })],
    ['a sort key that is not a timestamp', b64({ pk: key.pk, sk: 'PAIR' })],
    ['extra attributes', b64({ ...key, message: 'x' })],
    ['a JSON number', b64(42)],
    ['an absurdly long string', 'A'.repeat(5000)],
  ])('rejects %s with InvalidCursorError', (_what, cursor) => {
    expect(() => decodeCursor(cursor, key.pk)).toThrow(InvalidCursorError);
  });

  it("rejects another list's cursor", () => {
    expect(() =>
      decodeCursor(encodeCursor(key), 'MSG#00000000-0000-0000-0000-000000000000'),
    ).toThrow(/belongs to another list/);
  });
});
