import type { Message, Page } from '@cruddur/ddb';
import { isUuid } from '@cruddur/validators';
import { CliError } from '../../framework/cli-error';
import { defineCommand } from '../../framework/command';
import { tableConfig } from '../../shared/config';
import { excerpt, localDateTime, plural, renderTable } from '../../shared/render';
import { PAGE_OPTIONS, type PageOptions } from './page-options';

type ConversationPage = Page<Message> & { messageGroupUuid: string; consumedCapacity: number };

/** Pattern A as the app runs it, with what it cost. */
export const getConversationCommand = defineCommand<PageOptions, ConversationPage>({
  name: 'get-conversation',
  description:
    'pattern A: the latest messages of a group (sender, local time, first 40 characters), oldest first',
  arguments: [{ name: 'group-uuid', description: 'the message group' }],
  options: PAGE_OPTIONS,
  run: async ({ args: [groupUuid], options, io }) => {
    if (!isUuid(groupUuid)) throw new CliError('group-uuid: must be a uuid');
    const [{ listMessages }, { meterCapacity }, { requireTable, withDdb }] = await Promise.all([
      import('@cruddur/ddb'),
      import('../../shared/capacity'),
      import('../../shared/environment'),
    ]);
    return withDdb(io.config(tableConfig), async (ddb) => {
      await requireTable(ddb);
      const meter = meterCapacity(ddb);
      const page = await listMessages(ddb, groupUuid, options);
      // Every group has its first message from the start (pattern D): no messages means no group.
      if (page.items.length === 0 && !options.cursor)
        throw new CliError(`no message group ${groupUuid} in table ${ddb.tableName}`);
      return { messageGroupUuid: groupUuid, ...page, consumedCapacity: meter.units };
    });
  },
  render: (page) =>
    [
      renderTable(
        ['TIME', 'FROM', 'MESSAGE'],
        page.items.map((m) => [
          localDateTime(m.createdAt),
          `@${m.sender.handle}`,
          excerpt(m.message),
        ]),
      ),
      '',
      `${plural(page.items.length, 'message')}, oldest first; consumed capacity: ${page.consumedCapacity} RCU`,
      ...(page.nextCursor ? [`older messages: --cursor ${page.nextCursor}`] : []),
    ].join('\n'),
});
