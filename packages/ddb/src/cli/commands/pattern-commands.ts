import { createPool, findUserByHandle } from '@cruddur/db';
import { type Command } from 'commander';
import { listMessageGroups } from '../../list-message-groups';
import { listMessages } from '../../list-messages';
import { UnknownHandleError } from '../../seed-conversation';
import { checkUuid, DEFAULT_PAGE_LIMIT, PAGE_LIMIT_MAX } from '../../validate';
import { wholeNumber } from '../arguments';
import { meterCapacity } from '../capacity';
import { ddbAndDatabaseFromEnv, ddbFromEnv, requireTable, withDdb } from '../environment';
import { CliError, createOutput, excerpt, localDateTime, renderTable } from '../output';

interface PageFlags {
  limit: number;
  cursor?: string;
  json?: boolean;
}

export function addPatternCommands(program: Command): void {
  const patterns = program
    .command('patterns')
    .description('run the access patterns the app uses and show what they cost');

  const pageOptions = (command: Command) =>
    command
      .option(
        '--limit <n>',
        `items per page, 1-${PAGE_LIMIT_MAX}`,
        wholeNumber(1, PAGE_LIMIT_MAX),
        DEFAULT_PAGE_LIMIT,
      )
      .option('--cursor <cursor>', 'the cursor printed by the previous page')
      .option('--json', 'print the page as JSON');

  pageOptions(
    patterns
      .command('get-conversation')
      .description('pattern A: the latest messages of a group, oldest first')
      .argument('<group-uuid>', 'the message group'),
  ).action(async (groupUuid: string, opts: PageFlags) => {
    const out = createOutput(Boolean(opts.json));
    checkUuid('group-uuid', groupUuid);
    await withDdb(ddbFromEnv(), async (ddb) => {
      await requireTable(ddb);
      const meter = meterCapacity(ddb);
      const page = await listMessages(ddb, groupUuid, { limit: opts.limit, cursor: opts.cursor });
      if (page.items.length === 0 && !opts.cursor)
        throw new CliError(`no message group ${groupUuid} in table ${ddb.tableName}`);
      const rows = page.items.map((m) => [
        localDateTime(m.createdAt),
        `@${m.sender.handle}`,
        excerpt(m.message),
      ]);
      out.result({ messageGroupUuid: groupUuid, ...page, consumedCapacity: meter.units }, () =>
        [
          renderTable(['TIME', 'FROM', 'MESSAGE'], rows),
          '',
          `${page.items.length} messages, oldest first; consumed capacity: ${meter.units} RCU`,
          ...(page.nextCursor ? [`older messages: --cursor ${page.nextCursor}`] : []),
        ].join('\n'),
      );
    });
  });

  pageOptions(
    patterns
      .command('list-conversations')
      .description("pattern B: a user's conversations, latest first")
      .argument('<handle>', 'the user, as in PostgreSQL'),
  ).action(async (handle: string, opts: PageFlags) => {
    const out = createOutput(Boolean(opts.json));
    const { ddb, databaseUrl } = ddbAndDatabaseFromEnv();
    const pool = createPool(databaseUrl);
    try {
      await withDdb(ddb, async () => {
        await requireTable(ddb);
        const user = await findUserByHandle(pool, handle.replace(/^@/, ''));
        if (!user) throw new UnknownHandleError(handle);
        const meter = meterCapacity(ddb);
        const page = await listMessageGroups(ddb, user.uuid, {
          limit: opts.limit,
          cursor: opts.cursor,
        });
        const rows = page.items.map((g) => [
          localDateTime(g.lastMessageAt),
          `@${g.other.handle}`,
          g.messageGroupUuid,
          excerpt(g.lastMessage),
        ]);
        out.result(
          { handle: user.handle, userUuid: user.uuid, ...page, consumedCapacity: meter.units },
          () =>
            [
              page.items.length === 0
                ? `@${user.handle} has no conversations.`
                : renderTable(['LAST MESSAGE AT', 'WITH', 'GROUP', 'LAST MESSAGE'], rows),
              '',
              `${page.items.length} conversations of @${user.handle}, latest first; consumed capacity: ${meter.units} RCU`,
              ...(page.nextCursor ? [`older conversations: --cursor ${page.nextCursor}`] : []),
            ].join('\n'),
        );
      });
    } finally {
      await pool.end();
    }
  });
}
