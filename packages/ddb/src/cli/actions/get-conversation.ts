import { listMessages } from '../../list-messages';
import { checkUuid } from '../../validate';
import { meterCapacity } from '../capacity';
import { ddbFromEnv, requireTable, withDdb } from '../environment';
import { CliError, createOutput, excerpt, localDateTime, plural, renderTable } from '../output';
import { type PageFlags } from './page-flags';

/** Pattern A as the app runs it, with what it cost. */
export async function getConversation(groupUuid: string, opts: PageFlags): Promise<void> {
  const out = createOutput(Boolean(opts.json));
  checkUuid('group-uuid', groupUuid);
  await withDdb(ddbFromEnv(), async (ddb) => {
    await requireTable(ddb);
    const meter = meterCapacity(ddb);
    const page = await listMessages(ddb, groupUuid, { limit: opts.limit, cursor: opts.cursor });
    // Every group has its first message from the start (pattern D): no messages means no group.
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
        `${plural(page.items.length, 'message')}, oldest first; consumed capacity: ${meter.units} RCU`,
        ...(page.nextCursor ? [`older messages: --cursor ${page.nextCursor}`] : []),
      ].join('\n'),
    );
  });
}
