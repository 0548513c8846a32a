import { type DdbContext } from '../context';
import { newestFirstPage, type PageOptions } from '../internal/newest-first-page';
import { readableItems } from '../internal/read-items';
import { parseSortKey } from '../internal/timestamp';
import { checkUuid } from '../internal/validate';
import { MessageItem, toMessage } from '../model/items';
import { messagePk } from '../model/keys';
import { type Message, type Page } from '../model/types';

/**
 * Pattern A: the latest messages of a group, shown oldest→newest; `nextCursor` leads to the page
 * of messages older than these. An item that cannot be read is reported and left out, never
 * breaking the page; the page is put in time order, which the original's keys with several UTC
 * offsets would not give by themselves.
 */
export async function listMessages(
  ctx: DdbContext,
  messageGroupUuid: string,
  options: PageOptions = {},
): Promise<Page<Message>> {
  checkUuid('messageGroupUuid', messageGroupUuid);
  const page = await newestFirstPage(ctx, messagePk(messageGroupUuid), options);
  const items = readableItems(ctx, MessageItem, page.items)
    .sort((a, b) => (parseSortKey(a.sk) ?? 0) - (parseSortKey(b.sk) ?? 0))
    .map(toMessage);
  return { items, nextCursor: page.nextCursor };
}
