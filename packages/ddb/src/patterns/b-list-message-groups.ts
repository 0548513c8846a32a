import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { decodeCursor } from '../internal/cursor';
import { newestFirstPage, type PageOptions } from '../internal/newest-first-page';
import { readableItems } from '../internal/read-items';
import { parseSortKey } from '../internal/timestamp';
import { checkUuid } from '../internal/validate';
import { GroupRowItem, toMessageGroup } from '../model/items';
import { groupRowPk } from '../model/keys';
import { type MessageGroup, type Page } from '../model/types';
import { UNREAD_CAP } from './update-group-rows';

/**
 * Pattern B: a user's conversations, the one with the latest message first, each with how many
 * messages from the other person are unread. Unreadable rows are reported and left out.
 */
export async function listMessageGroups(
  ctx: DdbContext,
  userUuid: string,
  options: PageOptions = {},
): Promise<Page<MessageGroup>> {
  checkUuid('userUuid', userUuid);
  const page = await newestFirstPage(ctx, groupRowPk(userUuid), options);
  const items = readableItems(ctx, GroupRowItem, page.items)
    .sort((a, b) => (parseSortKey(b.sk) ?? 0) - (parseSortKey(a.sk) ?? 0))
    .map(toMessageGroup);
  return { items, nextCursor: page.nextCursor };
}

/** How many rows past the first page a total looks at, at most: its cost is bounded. */
const TOTAL_SCAN_ROWS = 1_000;

/**
 * The unread messages over all of a user's conversations, for the first page of their list: the
 * page's own counts, plus — only when there are older pages — one paged Query of the rest that
 * returns just the counts, ending as soon as the total reaches UNREAD_CAP (a badge shows "99+").
 * A list longer than TOTAL_SCAN_ROWS past the first page gives a lower bound.
 */
export async function totalUnread(
  ctx: DdbContext,
  userUuid: string,
  firstPage: Page<MessageGroup>,
): Promise<number> {
  checkUuid('userUuid', userUuid);
  const pk = groupRowPk(userUuid);
  let total = firstPage.items.reduce((sum, group) => sum + group.unread, 0);
  let start: Record<string, unknown> | undefined =
    firstPage.nextCursor === null ? undefined : decodeCursor(firstPage.nextCursor, pk);
  let scanned = 0;
  while (start && total < UNREAD_CAP && scanned < TOTAL_SCAN_ROWS) {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'unread',
        ScanIndexForward: false,
        Limit: 200,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) if (typeof item.unread === 'number') total += item.unread;
    scanned += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  }
  return Math.min(total, UNREAD_CAP);
}
