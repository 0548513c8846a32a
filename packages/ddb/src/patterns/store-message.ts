import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { MessageIdConflictError, TransactionCancelledError } from '../model/errors';
import {
  MessageIdGuardItem,
  MessageItem,
  parseItem,
  toMessage,
  userAttributesOf,
} from '../model/items';
import { messageIdGuardKey, messagePk } from '../model/keys';
import { nextMicrosecond } from '../internal/timestamp';
import {
  CONDITION_FAILED,
  CONFLICT,
  conflictPause,
  transactWrite,
  type Cancellation,
  type TransactItems,
} from '../internal/transact';
import { type Message, type UserRef } from '../model/types';

/** A validated message on its way into a group whose membership has been established. */
export interface MessageToStore {
  messageGroupUuid: string;
  sender: UserRef;
  message: string;
  messageUuid: string;
}

/** Enough for a burst of same-microsecond sends from many processes; beyond that something is wrong. */
export const MAX_ATTEMPTS = 50;

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

/** The message and its id guard, both only if new: a write never replaces a stored message. */
export function messagePuts(ctx: DdbContext, m: MessageToStore, sk: string): TransactItems {
  const message = messageItem(m, sk);
  const guard: MessageIdGuardItem = {
    ...messageIdGuardKey(m.messageUuid),
    message_pk: message.pk,
    message_sk: sk,
  };
  return [
    { Put: { TableName: ctx.tableName, Item: message, ConditionExpression: NEW_ITEM } },
    { Put: { TableName: ctx.tableName, Item: guard, ConditionExpression: NEW_ITEM } },
  ];
}

/**
 * Pattern C's write: the message at sort key `sk`, or one microsecond later for each time that key
 * is taken, so two messages created in the same instant both survive, in the order they claimed
 * their keys. A message id already used returns the stored message when it is the same message
 * (a retried send) and is a MessageIdConflictError otherwise.
 */
export async function storeMessage(
  ctx: DdbContext,
  m: MessageToStore,
  sk: string,
): Promise<Message> {
  let cancellation: Cancellation | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    cancellation = await transactWrite(ctx, messagePuts(ctx, m, sk));
    if (!cancellation) return toMessage(messageItem(m, sk));
    const [messageCode, guardCode] = cancellation.codes;
    if (guardCode === CONDITION_FAILED) return findClaimedMessage(ctx, m);
    if (messageCode === CONDITION_FAILED || messageCode === CONFLICT) sk = nextMicrosecond(sk);
    else if (guardCode === CONFLICT) await conflictPause(attempt);
    else break;
  }
  throw new TransactionCancelledError('createMessage', cancellation?.reasons ?? []);
}

/** The message a used message id stands for, if it is the one `m` describes. */
export async function findClaimedMessage(ctx: DdbContext, m: MessageToStore): Promise<Message> {
  const guard = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: messageIdGuardKey(m.messageUuid),
      ConsistentRead: true,
    }),
  );
  const { message_pk, message_sk } = parseItem(MessageIdGuardItem, guard.Item);
  const stored = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.tableName,
      Key: { pk: message_pk, sk: message_sk },
      ConsistentRead: true,
    }),
  );
  if (!stored.Item) throw new MessageIdConflictError(m.messageUuid);
  const message = toMessage(parseItem(MessageItem, stored.Item));
  const same =
    message.messageGroupUuid === m.messageGroupUuid &&
    message.sender.uuid === m.sender.uuid &&
    message.message === m.message;
  if (!same) throw new MessageIdConflictError(m.messageUuid);
  return message;
}
