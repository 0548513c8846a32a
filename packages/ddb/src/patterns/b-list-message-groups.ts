import { type DdbContext } from '../context';
import { GroupRowItem, parseItem, toMessageGroup } from '../model/items';
import { groupRowPk } from '../model/keys';
import { newestFirstPage, type PageOptions } from '../internal/newest-first-page';
import { type MessageGroup, type Page } from '../model/types';
import { checkUuid } from '../internal/validate';

/** Pattern B: a user's conversations, the one with the latest message first. */
export async function listMessageGroups(
  ctx: DdbContext,
  userUuid: string,
  options: PageOptions = {},
): Promise<Page<MessageGroup>> {
  checkUuid('userUuid', userUuid);
  const page = await newestFirstPage(ctx, groupRowPk(userUuid), options);
  return {
    items: page.items.map((item) => toMessageGroup(parseItem(GroupRowItem, item))),
    nextCursor: page.nextCursor,
  };
}
