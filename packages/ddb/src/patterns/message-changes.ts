import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isReactionName, REACTION_NAMES, type ReactionName } from '@cruddur/validators';
import { type DdbContext } from '../context';
import { nowTimestamp } from '../internal/timestamp';
import { MAX_ATTEMPTS } from '../internal/transact';
import { checkMessageText, checkUuid } from '../internal/validate';
import {
  InvalidInputError,
  MessageDeletedError,
  MessageNotFoundError,
  NotSenderError,
} from '../model/errors';
import { MessageItem, parseItem, reactionAttribute, toMessage } from '../model/items';
import { type Message } from '../model/types';
import { findMessage } from './find-message';

export interface MessageRef {
  messageGroupUuid: string;
  messageUuid: string;
  /** Who asks for the change (a member of the group: the API checks that first). */
  userUuid: string;
}

type Plan =
  | { done: Message }
  | {
      update: string;
      names?: Record<string, string>;
      values: Record<string, unknown>;
      /** What must still hold of the item, beyond being the same message. */
      condition: string;
    };

/**
 * Changes a stored message in place — same keys, so the original's queries still read it — if
 * `plan` says there is something to change. Every write is conditional on the item being the
 * message as read; a refused write reads it again and plans anew (a concurrent change), so a
 * change is never lost and asking twice changes nothing the second time.
 */
async function change(
  ctx: DdbContext,
  ref: MessageRef,
  plan: (item: MessageItem) => Plan,
): Promise<Message> {
  checkUuid('messageGroupUuid', ref.messageGroupUuid);
  checkUuid('messageUuid', ref.messageUuid);
  checkUuid('userUuid', ref.userUuid);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const item = await findMessage(ctx, ref.messageGroupUuid, ref.messageUuid);
    if (!item) throw new MessageNotFoundError(ref.messageGroupUuid, ref.messageUuid);
    const next = plan(item);
    if ('done' in next) return next.done;
    try {
      const { Attributes } = await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: `${next.update}`,
          ConditionExpression: `message_uuid = :id AND (rev = :rev OR attribute_not_exists(rev)) AND ${next.condition}`,
          ExpressionAttributeNames: next.names,
          ExpressionAttributeValues: {
            ...next.values,
            ':id': ref.messageUuid,
            ':rev': item.rev ?? 0,
            ':next': (item.rev ?? 0) + 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toMessage(parseItem(MessageItem, Attributes));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new Error(`message ${ref.messageUuid} kept changing`);
}

function requireSender(item: MessageItem, ref: MessageRef): void {
  if (item.user_uuid !== ref.userUuid) throw new NotSenderError(ref.messageUuid);
}

/**
 * The sender replaces the text of their message (any time, as long as it is not deleted); it
 * shows as edited. The same text again changes nothing.
 */
export async function editMessage(
  ctx: DdbContext,
  ref: MessageRef & { message: string },
): Promise<Message> {
  const text = checkMessageText(ref.message);
  return change(ctx, ref, (item) => {
    requireSender(item, ref);
    if (item.deleted_at) throw new MessageDeletedError(ref.messageUuid);
    if (item.message === text) return { done: toMessage(item) };
    return {
      update: 'SET message = :text, edited_at = :now, rev = :next',
      values: { ':text': text, ':now': nowTimestamp(), ':me': ref.userUuid },
      condition: 'user_uuid = :me AND attribute_not_exists(deleted_at)',
    };
  });
}

/**
 * The sender deletes their message: the item stays as a tombstone (no text, no reactions), so
 * both people see "message deleted" where it was. Deleting it again changes nothing.
 */
export async function deleteMessage(ctx: DdbContext, ref: MessageRef): Promise<Message> {
  return change(ctx, ref, (item) => {
    requireSender(item, ref);
    if (item.deleted_at) return { done: toMessage(item) };
    const names = Object.fromEntries(
      REACTION_NAMES.map((r, i) => [`#r${i}`, reactionAttribute(r)]),
    );
    return {
      update: `SET message = :empty, deleted_at = :now, rev = :next REMOVE edited_at, ${Object.keys(names).join(', ')}`,
      names,
      values: { ':empty': '', ':now': nowTimestamp(), ':me': ref.userUuid },
      condition: 'user_uuid = :me',
    };
  });
}

/**
 * Gives (`on`) or takes back one reaction of the caller's, without touching the text. Each
 * reaction is one set of user uuids on the message; giving it twice is giving it once.
 */
export async function reactToMessage(
  ctx: DdbContext,
  ref: MessageRef & { reaction: ReactionName; on: boolean },
): Promise<Message> {
  if (!isReactionName(ref.reaction))
    throw new InvalidInputError('reaction', `must be one of ${REACTION_NAMES.join(', ')}`);
  return change(ctx, ref, (item) => {
    if (item.deleted_at) throw new MessageDeletedError(ref.messageUuid);
    const current = toMessage(item);
    const has = current.reactions[ref.reaction]?.includes(ref.userUuid) ?? false;
    if (has === ref.on) return { done: current };
    return {
      update: `${ref.on ? 'ADD' : 'DELETE'} #reaction :me SET rev = :next`,
      names: { '#reaction': reactionAttribute(ref.reaction) },
      values: { ':me': new Set([ref.userUuid]) },
      condition: 'attribute_not_exists(deleted_at)',
    };
  });
}
