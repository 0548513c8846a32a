import { messageIdAt } from '@cruddur/validators';
import { randomUUID } from 'node:crypto';
import { type DdbContext } from '../context';
import { fitWithinWriteUnit } from '../internal/item-size';
import { nextMicrosecond, nowMicros } from '../internal/timestamp';
import {
  CONDITION_FAILED,
  CONFLICT,
  conflictPause,
  MAX_ATTEMPTS,
  transactWrite,
  type Cancellation,
  type TransactItem,
} from '../internal/transact';
import { checkMessageText, checkUserRef, checkUuid } from '../internal/validate';
import {
  MessageIdConflictError,
  SelfMessageError,
  StaleMessageIdError,
  TransactionCancelledError,
} from '../model/errors';
import { toMessage, userAttributesOf, type GroupRowItem } from '../model/items';
import { groupMembersKey, groupRowPk, messageIdGuardKey, pairGuardKey } from '../model/keys';
import { type Message, type UserRef } from '../model/types';
import { createMessage } from './c-create-message';
import { membersOf } from './membership';
import { messageItem, sortKeyFor, type MessageToStore } from './message-write';
import { type RowChange } from './group-rows';
import { findPairGroup, resolvePairGroup } from './pair';

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
  /** Both rows, as written, when the group was created (pattern E then has nothing to move). */
  rows: RowChange[];
}

export interface StartOptions {
  /** The pair's group (or null for none) when the caller already knows it: it never changes once set. */
  pairGroup?: string | null;
}

/**
 * Pattern D: the first message to someone. One transaction writes the pair guard, the group's
 * membership, both group rows (showing this message) and the message: all of it or nothing. If
 * the pair already has a group — including one the other side created a moment ago, or one the
 * original Python code wrote — the message goes into that group instead (pattern C).
 */
export async function createMessageGroup(
  ctx: DdbContext,
  input: NewConversation,
  options: StartOptions = {},
): Promise<ConversationStart> {
  const sender = checkUserRef('sender', input.sender);
  const recipient = checkUserRef('recipient', input.recipient);
  const message = checkMessageText(input.message);
  const messageUuid =
    input.messageUuid === undefined
      ? messageIdAt(nowMicros())
      : checkUuid('messageUuid', input.messageUuid);
  if (sender.uuid === recipient.uuid) throw new SelfMessageError(sender.uuid);
  const existing =
    options.pairGroup !== undefined
      ? options.pairGroup
      : await resolvePairGroup(ctx, sender.uuid, recipient.uuid);
  const m = { sender, recipient, message, messageUuid };
  if (existing) return intoGroup(ctx, existing, m);
  const { sk, fromId, fresh } = sortKeyFor(messageUuid);
  // No group holds it, so a send with this id never landed: too old to land now.
  if (!fresh) throw new StaleMessageIdError(messageUuid);
  return startConversation(ctx, m, sk, { idGuard: !fromId });
}

async function intoGroup(
  ctx: DdbContext,
  messageGroupUuid: string,
  m: Omit<MessageToStore, 'messageGroupUuid'> & { recipient: UserRef },
): Promise<ConversationStart> {
  const message = await createMessage(
    ctx,
    { ...m, messageGroupUuid },
    { members: membersOf(m.sender.uuid, m.recipient.uuid) },
  );
  return { messageGroupUuid, message, created: false, rows: [] };
}

type Part = 'pair' | 'members' | 'senderRow' | 'recipientRow' | 'message' | 'idGuard';

/**
 * Pattern D's transaction with the first message at sort key `sk` (validated input; the seed
 * picks past times). A key taken by another item of the same instant moves everything one
 * microsecond later; a pair guard someone else just wrote sends the message into their group.
 */
export async function startConversation(
  ctx: DdbContext,
  input: Omit<MessageToStore, 'messageGroupUuid'> & { recipient: UserRef },
  sk: string,
  { idGuard = false }: { idGuard?: boolean } = {},
): Promise<ConversationStart> {
  const m: MessageToStore = { ...input, messageGroupUuid: randomUUID() };
  let cancellation: Cancellation<string> | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const items = conversationItems(ctx, m, input.recipient, sk, idGuard);
    cancellation = await transactWrite(ctx, items as Record<Part, TransactItem>);
    if (!cancellation) {
      const written = (part: 'senderRow' | 'recipientRow', owner: UserRef): RowChange => {
        const item = items[part]!.Put!.Item as GroupRowItem;
        return {
          ownerUuid: owner.uuid,
          item,
          changed: true,
          unreadDelta: item.unread ?? 0,
          readMoved: false,
        };
      };
      return {
        messageGroupUuid: m.messageGroupUuid,
        message: toMessage(messageItem(m, sk)),
        created: true,
        rows: [written('senderRow', input.sender), written('recipientRow', input.recipient)],
      };
    }
    const { codes } = cancellation;
    if (codes.pair === CONDITION_FAILED) {
      const existing = await findPairGroup(ctx, input.sender.uuid, input.recipient.uuid);
      if (!existing) throw new Error('the pair guard that blocked the transaction cannot be read');
      return intoGroup(ctx, existing, input);
    }
    // The id is taken, and not by a message of this pair (that would have tripped the pair guard).
    if (codes.idGuard === CONDITION_FAILED) throw new MessageIdConflictError(m.messageUuid);
    const keyedByTime: Part[] = ['senderRow', 'recipientRow', 'message'];
    if (keyedByTime.some((part) => codes[part] === CONDITION_FAILED || codes[part] === CONFLICT))
      sk = nextMicrosecond(sk);
    else if (codes.pair === CONFLICT || codes.members === CONFLICT || codes.idGuard === CONFLICT)
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
  idGuard: boolean,
): Partial<Record<Part, TransactItem>> {
  const group = m.messageGroupUuid;
  const members = membersOf(m.sender.uuid, recipient.uuid);
  // Each participant's row shows the other participant, as in the original. The sender has read
  // the message they wrote; the recipient has read nothing yet.
  const row = (owner: UserRef, other: UserRef, read: { read_sk: string; unread: number }) => {
    const item: GroupRowItem = {
      pk: groupRowPk(owner.uuid),
      sk,
      message_group_uuid: group,
      message: '',
      ...userAttributesOf(other),
      message_uuid: m.messageUuid,
      ...read,
      rev: 1,
    };
    item.message = fitWithinWriteUnit(item, 'message', m.message);
    return item;
  };
  const put = (Item: Record<string, unknown>): TransactItem => ({
    Put: { TableName: ctx.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  const message = messageItem(m, sk);
  const items: Partial<Record<Part, TransactItem>> = {
    pair: put({ ...pairGuardKey(members[0], members[1]), group_uuid: group }),
    members: put({ ...groupMembersKey(group), member_uuids: [...members] }),
    senderRow: put(row(m.sender, recipient, { read_sk: sk, unread: 0 })),
    recipientRow: put(row(recipient, m.sender, { read_sk: '', unread: 1 })),
    message: put(message),
  };
  if (!idGuard) return items;
  return {
    ...items,
    idGuard: put({ ...messageIdGuardKey(m.messageUuid), message_pk: message.pk, message_sk: sk }),
  };
}
