import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { type DdbContext } from '../context';
import {
  MessageIdConflictError,
  SelfMessageError,
  TransactionCancelledError,
} from '../model/errors';
import {
  type GroupRowItem,
  type MemberItem,
  PairGuardItem,
  parseItem,
  toMessage,
  userAttributesOf,
} from '../model/items';
import { groupRowPk, memberKey, pairGuardKey } from '../model/keys';
import {
  MAX_ATTEMPTS,
  messageItem,
  messagePuts,
  storeMessage,
  type MessageToStore,
} from './store-message';
import { nextMicrosecond, nowTimestamp } from '../internal/timestamp';
import {
  CONDITION_FAILED,
  CONFLICT,
  conflictPause,
  transactWrite,
  type Cancellation,
  type TransactItems,
} from '../internal/transact';
import { type Message, type UserRef } from '../model/types';
import { checkMessageText, checkUserRef, checkUuid } from '../internal/validate';

export interface NewConversation {
  sender: UserRef;
  recipient: UserRef;
  message: string;
  messageUuid?: string;
}

export interface ConversationStart {
  messageGroupUuid: string;
  message: Message;
  /** False when the pair already had a group and the message went there. */
  created: boolean;
}

/**
 * Pattern D: the first message to someone. One transaction writes the pair guard, both member
 * items, both group rows (showing this message) and the message: all of it or nothing. If the pair
 * already has a group, including one created by the other side a moment ago, the message goes
 * into that group instead.
 */
export async function createMessageGroup(
  ctx: DdbContext,
  input: NewConversation,
): Promise<ConversationStart> {
  const sender = checkUserRef('sender', input.sender);
  const recipient = checkUserRef('recipient', input.recipient);
  const message = checkMessageText(input.message);
  const messageUuid =
    input.messageUuid === undefined ? randomUUID() : checkUuid('messageUuid', input.messageUuid);
  if (sender.uuid === recipient.uuid) throw new SelfMessageError(sender.uuid);
  return startConversation(ctx, { sender, recipient, message, messageUuid }, nowTimestamp());
}

// Positions in the transaction, for reading its cancellation reasons.
const PAIR = 0;
const MESSAGE_ID_GUARD = 6;
const KEYED_BY_TIME = [3, 4, 5]; // both group rows and the message

/** Pattern D with the first message at sort key `sk` (validated input; the seed picks past times). */
export async function startConversation(
  ctx: DdbContext,
  input: Omit<MessageToStore, 'messageGroupUuid'> & { recipient: UserRef },
  sk: string,
): Promise<ConversationStart> {
  const m: MessageToStore = { ...input, messageGroupUuid: randomUUID() };
  let cancellation: Cancellation | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    cancellation = await transactWrite(ctx, conversationItems(ctx, m, input.recipient, sk));
    if (!cancellation)
      return {
        messageGroupUuid: m.messageGroupUuid,
        message: toMessage(messageItem(m, sk)),
        created: true,
      };
    const codes = cancellation.codes;
    if (codes[PAIR] === CONDITION_FAILED) {
      const existing = await findPairGroup(ctx, input.sender.uuid, input.recipient.uuid);
      if (!existing) throw new Error('the pair guard that blocked the transaction cannot be read');
      return {
        messageGroupUuid: existing,
        message: await storeMessage(ctx, { ...m, messageGroupUuid: existing }, sk),
        created: false,
      };
    }
    // The id is taken, and not by a message of this pair (that would have tripped the pair guard).
    if (codes[MESSAGE_ID_GUARD] === CONDITION_FAILED)
      throw new MessageIdConflictError(m.messageUuid);
    if (KEYED_BY_TIME.some((i) => codes[i] === CONDITION_FAILED || codes[i] === CONFLICT))
      sk = nextMicrosecond(sk);
    else if (codes[PAIR] === CONFLICT || codes[MESSAGE_ID_GUARD] === CONFLICT)
      await conflictPause(attempt);
    else break;
  }
  throw new TransactionCancelledError('createMessageGroup', cancellation?.reasons ?? []);
}

function conversationItems(
  ctx: DdbContext,
  m: MessageToStore,
  recipient: UserRef,
  sk: string,
): TransactItems {
  const group = m.messageGroupUuid;
  const pair: PairGuardItem = { ...pairGuardKey(m.sender.uuid, recipient.uuid), group_uuid: group };
  const member = (user: UserRef): MemberItem => ({
    ...memberKey(group, user.uuid),
    user_uuid: user.uuid,
    row_sk: sk,
  });
  // Each participant's row shows the other participant, as in the original.
  const row = (owner: UserRef, other: UserRef): GroupRowItem => ({
    pk: groupRowPk(owner.uuid),
    sk,
    message_group_uuid: group,
    message: m.message,
    ...userAttributesOf(other),
  });
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: ctx.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  return [
    put(pair),
    put(member(m.sender)),
    put(member(recipient)),
    put(row(m.sender, recipient)),
    put(row(recipient, m.sender)),
    ...messagePuts(ctx, m, sk),
  ];
}

/** The group two users already share, if any. */
export async function findPairGroup(
  ctx: DdbContext,
  a: string,
  b: string,
): Promise<string | undefined> {
  const { Item } = await ctx.doc.send(
    new GetCommand({ TableName: ctx.tableName, Key: pairGuardKey(a, b), ConsistentRead: true }),
  );
  return Item && parseItem(PairGuardItem, Item).group_uuid;
}
