import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';

/** Every item a Query matches, page after page: it costs as much as what it reads. */
export async function queryAll(
  ctx: DdbContext,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ctx.doc.send(
      new QueryCommand({ ...query, TableName: ctx.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
