import { MESSAGE_MAX_CHARACTERS, PAGE_LIMIT_MAX } from '@cruddur/ddb';
import { z } from 'zod';

/** Any 8-4-4-4-12 hex id: the original Cruddur data holds uuids that are not all RFC 4122 v4. */
export const uuid = z.guid({ error: 'must be a uuid' });

export const handle = z
  .string({ error: 'must be a handle' })
  .trim()
  // People type handles as they see them, with the @.
  .transform((value) => value.replace(/^@/, ''))
  .pipe(z.string().min(1, 'must not be blank').max(64, 'must be at most 64 characters'));

/** Counted in characters (code points), so that 1024 emoji are as welcome as 1024 letters. */
export const messageText = z
  .string({ error: 'must be text' })
  .trim()
  .refine((value) => value.length > 0, 'must not be blank')
  .refine(
    (value) => [...value].length <= MESSAGE_MAX_CHARACTERS,
    `must be at most ${MESSAGE_MAX_CHARACTERS} characters`,
  );

/** Not strict: tRPC's infinite queries add a `direction` that pagination here does not need. */
export const pageInput = z.object({
  cursor: z
    .string({ error: 'must be the nextCursor of a previous page' })
    .min(1)
    .max(2048)
    .nullish(),
  limit: z
    .int({ error: 'must be a whole number' })
    .min(1, 'must be at least 1')
    .max(PAGE_LIMIT_MAX, `must be at most ${PAGE_LIMIT_MAX}`)
    .default(20),
});
