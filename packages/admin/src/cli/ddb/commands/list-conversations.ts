import type { MessageGroup, Page } from '@cruddur/ddb';
import { normalizeHandle } from '@cruddur/validators';
import { defineCommand } from '../../framework/command';
import { tableAndUsersConfig } from '../../shared/config';
import { excerpt, localDateTime, plural, renderTable } from '../../shared/render';
import { PAGE_OPTIONS, type PageOptions } from './page-options';

type ConversationsPage = Page<MessageGroup> & {
  handle: string;
  userUuid: string;
  consumedCapacity: number;
};

/** Pattern B for the user with `handle` (looked up in PostgreSQL), with what it cost. */
export const listConversationsCommand = defineCommand<PageOptions, ConversationsPage>({
  name: 'list-conversations',
  description: "pattern B: a user's conversations, latest first",
  arguments: [{ name: 'handle', description: 'the user, as in PostgreSQL' }],
  options: PAGE_OPTIONS,
  run: async ({ args: [handle], options, io }) => {
    const [{ listMessageGroups }, { findUserByHandle }, { meterCapacity }, env, seed] =
      await Promise.all([
        import('@cruddur/ddb'),
        import('@cruddur/db'),
        import('../../shared/capacity'),
        import('../../shared/environment'),
        import('../../../seed/seed-conversation'),
      ]);
    return env.withTableAndUsers(io.config(tableAndUsersConfig), async (ddb, pool) => {
      const user = await findUserByHandle(pool, normalizeHandle(handle!));
      if (!user) throw new seed.UnknownHandleError(handle!);
      const meter = meterCapacity(ddb);
      const page = await listMessageGroups(ddb, user.uuid, options);
      return { handle: user.handle, userUuid: user.uuid, ...page, consumedCapacity: meter.units };
    });
  },
  render: (page) =>
    [
      page.items.length === 0
        ? `@${page.handle} has no conversations.`
        : renderTable(
            ['LAST MESSAGE AT', 'WITH', 'GROUP', 'LAST MESSAGE'],
            page.items.map((g) => [
              localDateTime(g.lastMessageAt),
              `@${g.other.handle}`,
              g.messageGroupUuid,
              excerpt(g.lastMessage),
            ]),
          ),
      '',
      `${plural(page.items.length, 'conversation')} of @${page.handle}, latest first; consumed capacity: ${page.consumedCapacity} RCU`,
      ...(page.nextCursor ? [`older conversations: --cursor ${page.nextCursor}`] : []),
    ].join('\n'),
});
