import { z } from 'zod';
import { InvalidCursorError } from '../model/errors';
import { parseSortKey } from './timestamp';

/** The position a page ended at: the key of its last item (the next page starts after it). */
const CursorKey = z.strictObject({
  pk: z.string(),
  // Any sort key the table holds: lists of the original's data page through its keys as written.
  sk: z
    .string()
    .max(64)
    .refine((sk) => parseSortKey(sk) !== null),
});
export type CursorKey = z.infer<typeof CursorKey>;

/** Opaque to callers: base64url of the key JSON. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ pk: key.pk, sk: key.sk }), 'utf8').toString('base64url');
}

/**
 * Accepts only a cursor of the list being read: a well-formed key whose partition is `pk`. A
 * cursor from another conversation must not become a way to page through it.
 */
export function decodeCursor(cursor: string, pk: string): CursorKey {
  if (
    typeof cursor !== 'string' ||
    cursor.length === 0 ||
    cursor.length > 2048 ||
    !/^[A-Za-z0-9_-]+$/.test(cursor)
  ) {
    throw new InvalidCursorError('not a cursor handed out by this list');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor handed out by this list');
  }
  const parsed = CursorKey.safeParse(json);
  if (!parsed.success) throw new InvalidCursorError('not a cursor handed out by this list');
  if (parsed.data.pk !== pk) throw new InvalidCursorError('this cursor belongs to another list');
  return parsed.data;
}
