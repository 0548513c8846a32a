import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { TransactionCancelledError } from '../model/errors';
import { GroupRowItem, MemberItem, parseItem } from '../model/items';
import { groupRowPk, memberKey, membersPk } from '../model/keys';
import { MAX_ATTEMPTS } from './store-message';
import { nextMicrosecond } from '../internal/timestamp';
import {
  CONDITION_FAILED,
  CONFLICT,
  conflictPause,
  transactWrite,
  type Cancellation,
} from '../internal/transact';

export interface RowsMoved {
  /** Participants found for the group (0 for a group this package did not create). */
  members: number;
  /** Rows that moved to the message; the others already showed it or something newer. */
  rowsUpdated: number;
}

/**
 * The core of pattern E: every participant's group row moves to the message at `sk` and shows its
 * text — but only a row that shows something older, so a replayed or late message changes nothing.
 * Each move is one transaction (delete the row at its old key, put it at the new one, repoint the
 * member item) whose conditions fail if anyone moved the row meanwhile; then it re-reads and decides
 * again. Everything is read with strong consistency, never from the lagging GSI.
 */
export async function moveGroupRows(
  ctx: DdbContext,
  messageGroupUuid: string,
  sk: string,
  text: string,
): Promise<RowsMoved> {
  const { Items = [] } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': membersPk(messageGroupUuid) },
      ConsistentRead: true,
    }),
  );
  const members = Items.map((item) => parseItem(MemberItem, item));
  const moved = await Promise.all(
    members.map((member) => moveRow(ctx, messageGroupUuid, member, sk, text)),
  );
  return { members: members.length, rowsUpdated: moved.filter(Boolean).length };
}

// Positions in the move transaction.
const OLD_ROW = 0;
const NEW_ROW = 1;
const MEMBER = 2;

async function moveRow(
  ctx: DdbContext,
  messageGroupUuid: string,
  member: MemberItem,
  sk: string,
  text: string,
): Promise<boolean> {
  let current: MemberItem | undefined = member;
  let target = sk;
  let cancellation: Cancellation | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && current; attempt++) {
    if (current.row_sk >= sk) return false;
    const rowKey = { pk: groupRowPk(current.user_uuid), sk: current.row_sk };
    const { Item: row } = await ctx.doc.send(
      new GetCommand({ TableName: ctx.tableName, Key: rowKey, ConsistentRead: true }),
    );
    if (!row) {
      // Moved between our two reads: the member item says where to.
      const again = await readMember(ctx, messageGroupUuid, current.user_uuid);
      if (again?.row_sk === current.row_sk)
        throw new Error(
          `the group row ${rowKey.pk} / ${rowKey.sk} of group ${messageGroupUuid} is missing`,
        );
      current = again;
      continue;
    }
    parseItem(GroupRowItem, row);
    cancellation = await transactWrite(ctx, [
      {
        Delete: {
          TableName: ctx.tableName,
          Key: rowKey,
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      // Spread the stored item, not the parsed one: attributes this package does not know stay.
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...row, sk: target, message: text },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: ctx.tableName,
          Key: memberKey(messageGroupUuid, current.user_uuid),
          UpdateExpression: 'SET row_sk = :target',
          ConditionExpression: 'row_sk = :old',
          ExpressionAttributeValues: { ':target': target, ':old': current.row_sk },
        },
      },
    ]);
    if (!cancellation) return true;
    const codes = cancellation.codes;
    if (
      codes[OLD_ROW] === CONDITION_FAILED ||
      codes[MEMBER] === CONDITION_FAILED ||
      codes.includes(CONFLICT)
    ) {
      // Someone else moved (or is moving) this row: look where it is now and decide again.
      if (codes.includes(CONFLICT)) await conflictPause(attempt);
      current = await readMember(ctx, messageGroupUuid, current.user_uuid);
    } else if (codes[NEW_ROW] === CONDITION_FAILED) {
      // Another group of this user has a row in the very same microsecond: never overwrite it.
      target = nextMicrosecond(target);
    } else break;
  }
  if (!current) return false;
  throw new TransactionCancelledError('applyStreamRecord', cancellation?.reasons ?? []);
}

async function readMember(
  ctx: DdbContext,
  messageGroupUuid: string,
  userUuid: string,
): Promise<MemberItem | undefined> {
  const { Item } = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: memberKey(messageGroupUuid, userUuid),
      ConsistentRead: true,
    }),
  );
  return Item && parseItem(MemberItem, Item);
}
