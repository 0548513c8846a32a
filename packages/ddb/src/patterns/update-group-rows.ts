import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { fitWithinWriteUnit } from '../internal/item-size';
import { sortKeyMicros, timestampFromMicros } from '../internal/timestamp';
import {
  anyFailed,
  CONDITION_FAILED,
  CONFLICT,
  conflictPause,
  MAX_ATTEMPTS,
  transactWrite,
  type Cancellation,
  type TransactItem,
} from '../internal/transact';
import { TransactionCancelledError } from '../model/errors';
import { type GroupRowItem, type MessageItem } from '../model/items';
import { groupRowPk, messagePk } from '../model/keys';
import { findGroupRows, readRow, rowOf, type FoundRow, type RowChange } from './group-rows';
import { readMembers } from './membership';

/**
 * Unread counts stop here: a badge shows "99+" from 100 on, and counting further would cost a
 * read of every unread message each time another one arrives.
 */
export const UNREAD_CAP = 100;

export interface GroupRowsUpdate {
  messageGroupUuid: string;
  /** Whether any row was written. */
  changed: boolean;
  /** How many rows moved to a newer message (the others kept theirs, or only updated their counts). */
  moved: number;
  /** Every participant's row as it is now, and what this update did to it. */
  rows: RowChange[];
}

interface RowPlan {
  /** The row as it will be; undefined when nothing changes. */
  after?: GroupRowItem;
  moves: boolean;
  items: Record<string, TransactItem>;
}

/**
 * The core of pattern E for one group and the messages of a stream batch that belong to it (one
 * or many: a burst into one conversation costs one update). Every participant's row moves to the
 * newest of them — delete at the old key and put at the new one, for both rows in one
 * transaction — but only a row that shows something older, so a replayed or late message moves
 * nothing. The rows also keep each owner's read position and how many messages from the other
 * person came after it: the owner's own messages move the position, the other's count.
 *
 * Rows are found as the original found them, through the GSI (eventually consistent, half a read
 * unit), and every write is conditional on the row being exactly as read (`rev`), so a stale
 * read only costs a retry; after a refused attempt, or when the GSI does not show every row yet,
 * the rows are looked up with strong consistency. A row that no longer exists (another writer
 * deleted it and crashed) is written anew.
 */
export async function updateGroupRows(
  ctx: DdbContext,
  groupUuid: string,
  messages: readonly MessageItem[],
): Promise<GroupRowsUpdate> {
  if (messages.length === 0) throw new RangeError('updateGroupRows needs at least one message');
  const newest = messages.reduce((a, b) => (sortKeyMicros(b.sk) > sortKeyMicros(a.sk) ? b : a));
  const bumps = new Map<string, number>();
  let strong = false;
  let cancellation: Cancellation<string> | null = null;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rows = strong
      ? await locateRows(ctx, groupUuid, messages, newest)
      : await findGroupRows(ctx, groupUuid);
    if (!strong && new Set(rows.map((r) => r.ownerUuid)).size < 2) {
      strong = true;
      attempt--;
      continue;
    }
    const plans = await Promise.all(
      rows.map((row) =>
        planRow(ctx, groupUuid, row, messages, newest, bumps.get(row.ownerUuid) ?? 0),
      ),
    );
    const items = Object.assign({}, ...plans.map((p) => p.items)) as Record<string, TransactItem>;
    const after = rows.map((row, i) => rowChange(row, plans[i]!.after));
    const moved = plans.filter((p) => p.moves).length;
    if (Object.keys(items).length === 0)
      return { messageGroupUuid: groupUuid, changed: false, moved: 0, rows: after };

    cancellation = await transactWrite(ctx, items);
    if (!cancellation) return { messageGroupUuid: groupUuid, changed: true, moved, rows: after };

    for (const row of rows) {
      const put = cancellation.codes[`put ${row.ownerUuid}`];
      const removed = cancellation.codes[`delete ${row.ownerUuid}`];
      // Another group of this owner has a row at that very microsecond: never overwrite it.
      if (put === CONDITION_FAILED && removed === 'None')
        bumps.set(row.ownerUuid, (bumps.get(row.ownerUuid) ?? 0) + 1);
    }
    if (anyFailed(cancellation, CONFLICT)) await conflictPause(attempt);
    // Whatever else failed, the rows are not as read: look again, and where they really are.
    strong = true;
  }
  throw new TransactionCancelledError('updateGroupRows', cancellation?.reasons ?? []);
}

/** What writing `after` over `before` changes, for the people who see the row. */
export function rowChange(before: FoundRow, after: GroupRowItem | undefined): RowChange {
  if (!after) return { ...before, changed: false, unreadDelta: 0, readMoved: false };
  return {
    ownerUuid: before.ownerUuid,
    item: after,
    changed: true,
    unreadDelta: (after.unread ?? 0) - (before.item.unread ?? 0),
    readMoved: sortKeyMicros(after.read_sk) > sortKeyMicros(before.item.read_sk ?? before.item.sk),
  };
}

/**
 * The rows of a group from strongly consistent data: for each member, first where the newest
 * message puts it (a group just created, a replay: one GetItem), then wherever it is in their
 * list. A member without a row gets one built from what the messages say about the other person.
 */
async function locateRows(
  ctx: DdbContext,
  groupUuid: string,
  messages: readonly MessageItem[],
  newest: MessageItem,
): Promise<FoundRow[]> {
  // The rows the GSI shows name the members only where no membership item does (the original's).
  const members = (await readMembers(ctx, groupUuid)) ?? [
    ...new Set([
      ...(await findGroupRows(ctx, groupUuid)).flatMap((r) => [r.ownerUuid, r.item.user_uuid]),
      ...messages.map((m) => m.user_uuid),
    ]),
  ];
  const rows = await Promise.all(
    members.map(async (member) => {
      const probed = await readRow(ctx, groupRowPk(member), newest.sk);
      // The key may hold another group's row of the same instant.
      if (probed?.item.message_group_uuid === groupUuid) return probed;
      return rowOf(ctx, member, groupUuid);
    }),
  );
  const found = rows.filter((row): row is FoundRow => row !== undefined);
  for (const member of members) {
    if (found.some((row) => row.ownerUuid === member)) continue;
    const missing = await missingRow(ctx, groupUuid, member, members, messages);
    if (missing) found.push(missing);
  }
  return found;
}

/**
 * A stand-in for a row that does not exist, shown as older than any message: planning it moves
 * it to the newest message, which writes it. It needs the other person's name, which a message
 * of theirs carries; without one the gap is reported, not guessed.
 */
async function missingRow(
  ctx: DdbContext,
  groupUuid: string,
  owner: string,
  members: readonly string[],
  messages: readonly MessageItem[],
): Promise<FoundRow | undefined> {
  const other = members.find((m) => m !== owner);
  const fromOther =
    messages.find((m) => m.user_uuid === other) ??
    (other && (await latestMessageBy(ctx, groupUuid, other)));
  if (!other || !fromOther) {
    ctx.report({
      key: `${groupRowPk(owner)} / ?`,
      problem: `no row of group ${groupUuid}, and no message of the other member to rebuild it from`,
    });
    return undefined;
  }
  ctx.report({
    key: `${groupRowPk(owner)} / ?`,
    problem: `no row of group ${groupUuid}: writing it anew`,
  });
  // What came before these messages is taken as read: the owner never had it in their list.
  const earliest = Math.min(...messages.map((m) => sortKeyMicros(m.sk)));
  return {
    ownerUuid: owner,
    item: {
      pk: groupRowPk(owner),
      sk: '',
      read_sk: timestampFromMicros(earliest - 1),
      message_group_uuid: groupUuid,
      message: '',
      user_uuid: other,
      user_display_name: fromOther.user_display_name,
      user_handle: fromOther.user_handle,
    },
  };
}

async function latestMessageBy(
  ctx: DdbContext,
  groupUuid: string,
  userUuid: string,
): Promise<MessageItem | undefined> {
  const { Items = [] } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'user_uuid = :u',
      ExpressionAttributeValues: { ':pk': messagePk(groupUuid), ':u': userUuid },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: 200,
    }),
  );
  return Items[0] as MessageItem | undefined;
}

/** What one row becomes for these messages, and the transaction items that make it so. */
async function planRow(
  ctx: DdbContext,
  groupUuid: string,
  { ownerUuid, item: row }: FoundRow,
  messages: readonly MessageItem[],
  newest: MessageItem,
  bump: number,
): Promise<RowPlan> {
  const rowAt = sortKeyMicros(row.sk);
  const newestAt = sortKeyMicros(newest.sk);
  // A read position is the key of the newest message read, kept as that message's key is
  // written: counting compares it with the group's other keys, and the original wrote them all
  // with its host's UTC offset (string order is time order only within one such form).
  // A row the original wrote has no read position: what it showed counts as read.
  const readBefore =
    row.read_sk === undefined
      ? { at: rowAt, key: row.sk }
      : { at: sortKeyMicros(row.read_sk), key: row.read_sk };
  const own = messages
    .filter((m) => m.user_uuid === ownerUuid)
    .reduce<{ at: number; key: string } | undefined>(
      (latest, m) =>
        latest && latest.at >= sortKeyMicros(m.sk)
          ? latest
          : { at: sortKeyMicros(m.sk), key: m.sk },
      undefined,
    );
  const readAfter = own && own.at > readBefore.at ? own : readBefore;
  const unreadBefore = row.unread ?? 0;
  const newFromOther = messages.some(
    (m) => m.user_uuid !== ownerUuid && sortKeyMicros(m.sk) > readAfter.at,
  );

  let unread = unreadBefore;
  if (readAfter.at >= Math.max(rowAt, newestAt)) unread = 0;
  else if (newFromOther || (readAfter.at > readBefore.at && unreadBefore > 0))
    unread =
      unreadBefore >= UNREAD_CAP && readAfter === readBefore
        ? UNREAD_CAP
        : await countUnread(ctx, groupUuid, row.user_uuid, readAfter.key);
  const readSk = readAfter.key;

  const moves = newestAt > rowAt;
  if (!moves && unread === unreadBefore && readSk === row.read_sk) return { moves, items: {} };

  if (!moves) {
    const update = countsUpdate(ctx, groupUuid, row, { readSk, unread });
    return { after: update.after, moves, items: { [`update ${ownerUuid}`]: update.item } };
  }

  const rev = (row.rev ?? 0) + 1;
  // Spread the stored row, not a parsed copy: attributes this package does not know stay.
  const moved: GroupRowItem = {
    ...row,
    sk: timestampFromMicros(newestAt + bump),
    message_uuid: newest.message_uuid,
    read_sk: readSk,
    unread,
    rev,
  };
  moved.message = fitWithinWriteUnit(moved, 'message', newest.message);
  const items: Record<string, TransactItem> = {
    [`put ${ownerUuid}`]: {
      Put: {
        TableName: ctx.tableName,
        Item: moved,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
  // A rebuilt row (see missingRow) has no old key to delete.
  if (row.sk !== '')
    items[`delete ${ownerUuid}`] = {
      Delete: {
        TableName: ctx.tableName,
        Key: { pk: row.pk, sk: row.sk },
        ...unchangedCondition(groupUuid, row),
      },
    };
  return { after: moved, moves, items };
}

/** The condition of every write of a row: it is still the row of this group, as it was read. */
export function unchangedCondition(groupUuid: string, row: GroupRowItem) {
  return {
    ConditionExpression: 'message_group_uuid = :g AND (rev = :rev OR attribute_not_exists(rev))',
    ExpressionAttributeValues: { ':g': groupUuid, ':rev': row.rev ?? 0 },
  };
}

/** A row that stays where it is with a new read position and count, if it is as read. */
export function countsUpdate(
  ctx: DdbContext,
  groupUuid: string,
  row: GroupRowItem,
  { readSk, unread }: { readSk: string; unread: number },
): { after: GroupRowItem; item: TransactItem & { Update: object } } {
  const rev = (row.rev ?? 0) + 1;
  const unchanged = unchangedCondition(groupUuid, row);
  return {
    after: { ...row, read_sk: readSk, unread, rev },
    item: {
      Update: {
        TableName: ctx.tableName,
        Key: { pk: row.pk, sk: row.sk },
        UpdateExpression: 'SET read_sk = :read, unread = :unread, rev = :next',
        ConditionExpression: unchanged.ConditionExpression,
        ExpressionAttributeValues: {
          ...unchanged.ExpressionAttributeValues,
          ':read': readSk,
          ':unread': unread,
          ':next': rev,
        },
      },
    },
  };
}

/**
 * How many messages of `senderUuid` in the group come after the message with key `afterKey`
 * ('' = from the start), up to UNREAD_CAP: one strongly consistent Query over the messages after
 * the read position, usually only those the batch just brought.
 */
export async function countUnread(
  ctx: DdbContext,
  groupUuid: string,
  senderUuid: string,
  afterKey: string,
): Promise<number> {
  // A key condition cannot compare with '': nothing read yet means every message counts.
  const range =
    afterKey === ''
      ? { KeyConditionExpression: 'pk = :pk', values: {} }
      : { KeyConditionExpression: 'pk = :pk AND sk > :after', values: { ':after': afterKey } };
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: range.KeyConditionExpression,
        // A deleted message no longer waits to be read.
        FilterExpression: 'user_uuid = :sender AND attribute_not_exists(deleted_at)',
        ExpressionAttributeValues: {
          ':pk': messagePk(groupUuid),
          ':sender': senderUuid,
          ...range.values,
        },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start && count < UNREAD_CAP);
  return Math.min(count, UNREAD_CAP);
}
