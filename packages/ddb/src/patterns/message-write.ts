import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { microsOfMessageId } from '@cruddur/validators';
import { type DdbContext } from '../context';
import { readableItems } from '../internal/read-items';
import { findMessage } from './find-message';
import { nextMicrosecond, nowMicros, timestampFromMicros } from '../internal/timestamp';
import {
  CONDITION_FAILED,
  CONFLICT,
  conflictPause,
  MAX_ATTEMPTS,
  transactWrite,
  type Cancellation,
} from '../internal/transact';
import {
  InvalidInputError,
  MessageIdConflictError,
  StaleMessageIdError,
  TransactionCancelledError,
} from '../model/errors';
import { MessageItem, toMessage, userAttributesOf } from '../model/items';
import { messageIdGuardKey, messagePk } from '../model/keys';
import { type Message, type UserRef } from '../model/types';

/** A validated message on its way into a group whose membership has been established. */
export interface MessageToStore {
  messageGroupUuid: string;
  sender: UserRef;
  message: string;
  messageUuid: string;
}

/**
 * How far a message id's time may be from this server's clock. Ids are made by the sender's
 * device (the web app aligns its clock with the server's): a little behind is a slow network, a
 * little ahead is clock skew. An id older than this is only accepted to find a message it
 * already stored (a late retry); as a new message it would land in the past.
 */
export const MESSAGE_ID_PAST_MS = 60_000;
export const MESSAGE_ID_FUTURE_MS = 5_000;

const NEW_ITEM = 'attribute_not_exists(pk)';

export function messageItem(m: MessageToStore, sk: string): MessageItem {
  return {
    pk: messagePk(m.messageGroupUuid),
    sk,
    message_uuid: m.messageUuid,
    message: m.message,
    ...userAttributesOf(m.sender),
  };
}

/** Whether the stored message is the one `m` describes (a retried send), or another with its id. */
function sameMessage(stored: Message, m: MessageToStore): boolean {
  return (
    stored.messageGroupUuid === m.messageGroupUuid &&
    stored.sender.uuid === m.sender.uuid &&
    stored.message === m.message
  );
}

/**
 * Where a message is stored: the instant its version-7 id carries (so that a retry finds it at
 * the same key), else now. `fresh` says whether the id's time is recent enough for a new message.
 */
export function sortKeyFor(messageUuid: string): { sk: string; fromId: boolean; fresh: boolean } {
  const fromId = microsOfMessageId(messageUuid);
  const now = nowMicros();
  if (fromId === null) return { sk: timestampFromMicros(now), fromId: false, fresh: true };
  if (fromId > now + MESSAGE_ID_FUTURE_MS * 1000)
    throw new InvalidInputError(
      'messageUuid',
      "carries a time in the future: this device's clock is ahead (make a new id with a corrected clock)",
    );
  return {
    sk: timestampFromMicros(fromId),
    fromId: true,
    fresh: fromId >= now - MESSAGE_ID_PAST_MS * 1000,
  };
}

/**
 * Pattern C's write: one PutItem, only if the key is free, so nothing is ever overwritten. The key
 * comes from the message id; a key taken by another message moves one microsecond later, and the
 * same walk finds this message again when a send is retried: the id alone makes it idempotent.
 * Ids without a time (not version 7) cannot be found that way and go through `putWithIdGuard`.
 */
export async function putMessage(ctx: DdbContext, m: MessageToStore): Promise<Message> {
  const { sk, fromId, fresh } = sortKeyFor(m.messageUuid);
  if (!fromId) return putWithIdGuard(ctx, m, sk);
  return storeMessageAt(ctx, m, sk, { fresh });
}

/**
 * The walk from sort key `first`: the first free key stores the message, unless the message is
 * met on the way (a retry). With `fresh: false` it only looks: an old id must not land now.
 */
export async function storeMessageAt(
  ctx: DdbContext,
  m: MessageToStore,
  first: string,
  { fresh = true }: { fresh?: boolean } = {},
): Promise<Message> {
  let sk = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const taken = fresh
      ? await putIfFree(ctx, m, sk)
      : await readMessage(ctx, m.messageGroupUuid, sk);
    if (!taken) {
      if (fresh) return toMessage(messageItem(m, sk));
      // Never stored, and too old to be stored now as if it had just been sent.
      throw new StaleMessageIdError(m.messageUuid);
    }
    if (taken.messageUuid === m.messageUuid) {
      if (sameMessage(taken, m)) return taken;
      throw new MessageIdConflictError(m.messageUuid);
    }
    sk = nextMicrosecond(sk);
  }
  throw new Error(`no free sort key after ${MAX_ATTEMPTS} microseconds from ${first}`);
}

/** The message at `sk`, which the write found taken (null when it was free and is now stored). */
async function putIfFree(ctx: DdbContext, m: MessageToStore, sk: string): Promise<Message | null> {
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: messageItem(m, sk),
        ConditionExpression: NEW_ITEM,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return null;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // The refusal carries the item in the way; older DynamoDB Local builds leave it out.
    const [item] = error.Item ? readableItems(ctx, MessageItem, [unmarshall(error.Item)]) : [];
    return item ? toMessage(item) : ((await readMessage(ctx, m.messageGroupUuid, sk)) ?? null);
  }
}

async function readMessage(
  ctx: DdbContext,
  groupUuid: string,
  sk: string,
): Promise<Message | null> {
  const { Item } = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: { pk: messagePk(groupUuid), sk },
      ConsistentRead: true,
    }),
  );
  const [item] = Item ? readableItems(ctx, MessageItem, [Item]) : [];
  return item ? toMessage(item) : null;
}

/**
 * Ids that carry no time: the message and a guard item keyed by its id, both only if new, in one
 * transaction. A retried send finds the guard and returns the stored message.
 */
async function putWithIdGuard(ctx: DdbContext, m: MessageToStore, first: string): Promise<Message> {
  let sk = first;
  let cancellation: Cancellation<'message' | 'guard'> | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const message = messageItem(m, sk);
    cancellation = await transactWrite(ctx, {
      message: { Put: { TableName: ctx.tableName, Item: message, ConditionExpression: NEW_ITEM } },
      guard: {
        Put: {
          TableName: ctx.tableName,
          Item: { ...messageIdGuardKey(m.messageUuid), message_pk: message.pk, message_sk: sk },
          ConditionExpression: NEW_ITEM,
        },
      },
    });
    if (!cancellation) return toMessage(message);
    const { message: messageCode, guard } = cancellation.codes;
    if (guard === CONDITION_FAILED) return findGuardedMessage(ctx, m);
    if (messageCode === CONDITION_FAILED || messageCode === CONFLICT) sk = nextMicrosecond(sk);
    else if (guard === CONFLICT) await conflictPause(attempt);
    else break;
  }
  throw new TransactionCancelledError('createMessage', cancellation?.reasons ?? []);
}

/** The message a used id guard points at, if it is the one `m` describes. */
async function findGuardedMessage(ctx: DdbContext, m: MessageToStore): Promise<Message> {
  const found = await findMessage(ctx, m.messageGroupUuid, m.messageUuid);
  const stored = found && toMessage(found);
  if (!stored || !sameMessage(stored, m)) throw new MessageIdConflictError(m.messageUuid);
  return stored;
}
