import { type DdbContext } from '../context';
import { newestFirstPage, type PageOptions } from '../internal/newest-first-page';
import { readableItems } from '../internal/read-items';
import { parseSortKey } from '../internal/timestamp';
import { checkUuid } from '../internal/validate';
import { GroupRowItem, toMessageGroup } from '../model/items';
import { groupRowPk } from '../model/keys';
import { type MessageGroup, type Page } from '../model/types';

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
