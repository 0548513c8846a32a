import { findUserByHandle } from '@cruddur/db';
import { listMessageGroups } from '../../list-message-groups';
import { UnknownHandleError } from '../../seed-conversation';
import { meterCapacity } from '../capacity';
import { withTableAndUsers } from '../environment';
import { createOutput, excerpt, localDateTime, plural, renderTable } from '../output';
import { type PageFlags } from './page-flags';

/** Pattern B for the user with `handle` (looked up in PostgreSQL), with what it cost. */
export async function listConversations(handle: string, opts: PageFlags): Promise<void> {
  const out = createOutput(Boolean(opts.json));
  await withTableAndUsers(async (ddb, pool) => {
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
          `${plural(page.items.length, 'conversation')} of @${user.handle}, latest first; consumed capacity: ${meter.units} RCU`,
          ...(page.nextCursor ? [`older conversations: --cursor ${page.nextCursor}`] : []),
        ].join('\n'),
    );
  });
}
