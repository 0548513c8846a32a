import { type DdbContext } from '../context';
import { MessageItem, parseItem, toMessage } from '../model/items';
import { messagePk } from '../model/keys';
import { newestFirstPage, type PageOptions } from '../internal/newest-first-page';
import { type Message, type Page } from '../model/types';
import { checkUuid } from '../internal/validate';

/**
 * Pattern A: the latest messages of a group, shown oldest→newest; `nextCursor` leads to the page
 * of messages older than these.
 */
export async function listMessages(
  ctx: DdbContext,
  messageGroupUuid: string,
  options: PageOptions = {},
): Promise<Page<Message>> {
  checkUuid('messageGroupUuid', messageGroupUuid);
  const page = await newestFirstPage(ctx, messagePk(messageGroupUuid), options);
  return {
    items: page.items.map((item) => toMessage(parseItem(MessageItem, item))).reverse(),
    nextCursor: page.nextCursor,
  };
}
