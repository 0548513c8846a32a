import { REACTION_NAMES, type ReactionName } from '@cruddur/validators';
import { z } from 'zod';
import { canonicalSortKey, parseSortKey } from '../internal/timestamp';
import { GROUP_ROW_PREFIX, MEMBERS_PREFIX, MESSAGE_PREFIX } from './keys';
import { type Message, type MessageGroup, type UserRef } from './types';

/**
 * What DynamoDB hands back is parsed, not cast: an item that does not have the shape this package
 * (and the original Python code) writes is reported as such instead of flowing on half-filled.
 * Sort keys are accepted in every form the original wrote (see internal/timestamp.ts).
 */
const sortKey = z.string().refine((value) => parseSortKey(value) !== null, {
  message: 'must be a date-time sort key',
});
const id = z.string().min(1);
// Real data written by other code may lack a text attribute; a missing one reads as empty.
const text = z.string().catch('');

/** The person an item records, in the original's attribute names. */
const userAttributes = {
  user_uuid: id,
  user_display_name: text,
  user_handle: text,
};

/**
 * One participant's entry in their conversation list; `user_*` are the *other* participant. The
 * original wrote only the first block; this project adds its bookkeeping after it, which the
 * original's queries ignore. Unknown attributes pass through, so a rewrite keeps them.
 */
export const GroupRowItem = z.looseObject({
  pk: z.string().startsWith(GROUP_ROW_PREFIX),
  sk: sortKey,
  message_group_uuid: id,
  message: text,
  ...userAttributes,
  /** The message the row shows (absent on rows the original wrote). */
  message_uuid: id.optional(),
  /** The owner's read position; '' = nothing read yet; absent = unknown (written by the original). */
  read_sk: z.string().optional(),
  /** Messages from the other person after `read_sk`, stopping at UNREAD_CAP. */
  unread: z.number().int().min(0).optional(),
  /** Bumped by every change, so that a change based on an older read of the row fails its condition. */
  rev: z.number().int().min(0).optional(),
  /** The message the row shows was deleted (its text is gone from the row too). */
  message_deleted: z.boolean().optional(),
});
export type GroupRowItem = z.infer<typeof GroupRowItem>;

/** A message; `user_*` are the sender. */
export const MessageItem = z.looseObject({
  pk: z.string().startsWith(MESSAGE_PREFIX),
  sk: sortKey,
  message_uuid: id,
  message: text,
  ...userAttributes,
  /** When the sender last changed the text (canonical timestamp); absent: never edited. */
  edited_at: z.string().optional(),
  /** When the sender deleted it: the item stays, as a tombstone with no text. */
  deleted_at: z.string().optional(),
  /** Bumped by every change after the message was written (edit, delete, reaction). */
  rev: z.number().int().min(0).optional(),
  // Reactions are string sets of user uuids, one attribute per reaction (see reactionAttribute).
});

/** The attribute holding who reacted with `reaction` (a string set of user uuids). */
export const reactionAttribute = (reaction: ReactionName) => `reaction_${reaction}`;

function reactionsOf(item: Record<string, unknown>): Partial<Record<ReactionName, string[]>> {
  const reactions: Partial<Record<ReactionName, string[]>> = {};
  for (const name of REACTION_NAMES) {
    const who = item[reactionAttribute(name)];
    if (who instanceof Set && who.size > 0) reactions[name] = [...(who as Set<string>)].sort();
  }
  return reactions;
}
export type MessageItem = z.infer<typeof MessageItem>;

/**
 * Guards name their group `group_uuid`, not `message_group_uuid`: only group rows may be in the GSI,
 * whose partition per group the original stream handler reads and rewrites item by item.
 */
export const PairGuardItem = z.object({
  pk: z.string().startsWith('PAIR#'),
  sk: z.literal('PAIR'),
  group_uuid: id,
});
export type PairGuardItem = z.infer<typeof PairGuardItem>;

/** The two members of a group (this project's version 2). */
export const GroupMembersItem = z.object({
  pk: z.string().startsWith(MEMBERS_PREFIX),
  sk: z.literal('MEMBERS'),
  member_uuids: z.array(id).length(2),
});
export type GroupMembersItem = z.infer<typeof GroupMembersItem>;

/** One member of a group, as version 1 of this project wrote it (its `row_sk` is no longer kept). */
export const MemberItem = z.object({
  pk: z.string().startsWith(MEMBERS_PREFIX),
  sk: z.string().startsWith('USER#'),
  user_uuid: id,
});
export type MemberItem = z.infer<typeof MemberItem>;

/** Points at the message stored under a message id (by key, so the guard stays out of the GSI). */
export const MessageIdGuardItem = z.object({
  pk: z.string().startsWith('MSGID#'),
  sk: z.literal('MSGID'),
  message_pk: z.string().startsWith(MESSAGE_PREFIX),
  message_sk: sortKey,
});
export type MessageIdGuardItem = z.infer<typeof MessageIdGuardItem>;

export class UnreadableItemError extends Error {
  override readonly name = 'UnreadableItemError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`unexpected item ${key}: ${problem}`);
  }
}

export function itemKey(item: unknown): string {
  return item && typeof item === 'object'
    ? `${String((item as Record<string, unknown>).pk)} / ${String((item as Record<string, unknown>).sk)}`
    : String(item);
}

/** Parses an item with `schema`, naming the item's key when it does not fit. */
export function parseItem<S extends z.ZodType>(schema: S, item: unknown): z.infer<S> {
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  throw new UnreadableItemError(
    itemKey(item),
    z.prettifyError(result.error).replaceAll('\n', '; '),
  );
}

export function userAttributesOf(user: UserRef) {
  return { user_uuid: user.uuid, user_display_name: user.displayName, user_handle: user.handle };
}

const userOf = (item: { user_uuid: string; user_handle: string; user_display_name: string }) => ({
  uuid: item.user_uuid,
  handle: item.user_handle,
  displayName: item.user_display_name || item.user_handle,
});

export function toMessage(item: MessageItem): Message {
  return {
    messageUuid: item.message_uuid,
    messageGroupUuid: item.pk.slice(MESSAGE_PREFIX.length),
    message: item.deleted_at ? '' : item.message,
    createdAt: canonicalSortKey(item.sk)!,
    sender: userOf(item),
    editedAt: canonicalSortKey(item.edited_at),
    deletedAt: canonicalSortKey(item.deleted_at),
    reactions: reactionsOf(item),
    rev: item.rev ?? 0,
  };
}

export function toMessageGroup(item: GroupRowItem): MessageGroup {
  return {
    messageGroupUuid: item.message_group_uuid,
    lastMessage: item.message_deleted ? '' : item.message,
    lastMessageDeleted: item.message_deleted === true,
    lastMessageAt: canonicalSortKey(item.sk)!,
    other: userOf(item),
    unread: item.unread ?? 0,
    readAt:
      item.read_sk === undefined
        ? null
        : item.read_sk === ''
          ? null
          : canonicalSortKey(item.read_sk),
    rev: item.rev ?? 0,
  };
}
