import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { decodeCursor, encodeCursor } from './cursor';
import { checkLimit } from './validate';

export interface PageOptions {
  /** 1–100, default 20. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
}

/**
 * One page of a partition, newest sort key first. It asks for one item more than the page holds, so
 * that `nextCursor` is null exactly when nothing older is left (no empty last page). Every item is
 * reachable: no year filter, no cap, and the cursor resumes right after the last item shown.
 */
export async function newestFirstPage(
  ctx: DdbContext,
  pk: string,
  options: PageOptions,
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const limit = checkLimit(options.limit);
  let startKey: Record<string, unknown> | undefined =
    options.cursor == null ? undefined : decodeCursor(options.cursor, pk);
  const items: Record<string, unknown>[] = [];
  do {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit + 1 - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length <= limit);

  if (items.length <= limit) return { items, nextCursor: null };
  const shown = items.slice(0, limit);
  const last = shown[shown.length - 1]!;
  return { items: shown, nextCursor: encodeCursor({ pk, sk: String(last.sk) }) };
}
