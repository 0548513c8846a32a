import { type z } from 'zod';
import { type DdbContext } from '../context';
import { itemKey, parseItem, UnreadableItemError } from '../model/items';

/**
 * The items of a list that can be read, each parsed with `schema`. One that cannot (written by
 * other code, damaged) is reported with its key and left out, so that it never breaks the list.
 */
export function readableItems<S extends z.ZodType>(
  ctx: DdbContext,
  schema: S,
  items: readonly Record<string, unknown>[],
): z.infer<S>[] {
  const readable: z.infer<S>[] = [];
  for (const item of items) {
    try {
      readable.push(parseItem(schema, item));
    } catch (error) {
      if (!(error instanceof UnreadableItemError)) throw error;
      ctx.report({ key: itemKey(item), problem: `skipped, unreadable: ${error.problem}` });
    }
  }
  return readable;
}
