import { z } from 'zod';
import { GROUP_ROW_PREFIX, MEMBERS_PREFIX, MESSAGE_PREFIX } from './keys';
import { TIMESTAMP_PATTERN } from '../internal/timestamp';
import { type Message, type MessageGroup, type UserRef } from './types';

/**
 * What DynamoDB hands back is parsed, not cast: an item that does not have the shape this package
 * (and the original Python code) writes is reported as such instead of flowing on half-filled.
 */
const timestamp = z
  .string()
  .regex(TIMESTAMP_PATTERN, 'must be a YYYY-MM-DDTHH:MM:SS.ffffff+00:00 timestamp');
const text = z.string();
const id = z.string().min(1);

/** The person an item records, in the original's attribute names. */
const userAttributes = {
  user_uuid: id,
  user_display_name: text,
  user_handle: text,
};

/** One participant's entry in their conversation list; `user_*` are the *other* participant. */
export const GroupRowItem = z.object({
  pk: z.string().startsWith(GROUP_ROW_PREFIX),
  sk: timestamp,
  message_group_uuid: id,
  message: text,
  ...userAttributes,
});
export type GroupRowItem = z.infer<typeof GroupRowItem>;

/** A message; `user_*` are the sender. */
export const MessageItem = z.object({
  pk: z.string().startsWith(MESSAGE_PREFIX),
  sk: timestamp,
  message_uuid: id,
  message: text,
  ...userAttributes,
});
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

/** Points at the message stored under a message id (by key, so the guard stays out of the GSI). */
export const MessageIdGuardItem = z.object({
  pk: z.string().startsWith('MSGID#'),
  sk: z.literal('MSGID'),
  message_pk: z.string().startsWith(MESSAGE_PREFIX),
  message_sk: timestamp,
});
export type MessageIdGuardItem = z.infer<typeof MessageIdGuardItem>;

/** A participant of a group and where their group row currently is. */
export const MemberItem = z.object({
  pk: z.string().startsWith(MEMBERS_PREFIX),
  sk: z.string().startsWith('USER#'),
  user_uuid: id,
  row_sk: timestamp,
});
export type MemberItem = z.infer<typeof MemberItem>;

/** Parses an item with `schema`, naming the item's key when it does not fit. */
export function parseItem<S extends z.ZodType>(schema: S, item: unknown): z.infer<S> {
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  const key =
    item && typeof item === 'object'
      ? `${String((item as Record<string, unknown>).pk)} / ${String((item as Record<string, unknown>).sk)}`
      : String(item);
  throw new Error(
    `unexpected item ${key}: ${z.prettifyError(result.error).replaceAll('\n', '; ')}`,
  );
}

export function userAttributesOf(user: UserRef) {
  return { user_uuid: user.uuid, user_display_name: user.displayName, user_handle: user.handle };
}

export function toMessage(item: MessageItem): Message {
  return {
    messageUuid: item.message_uuid,
    messageGroupUuid: item.pk.slice(MESSAGE_PREFIX.length),
    message: item.message,
    createdAt: item.sk,
    sender: { uuid: item.user_uuid, handle: item.user_handle, displayName: item.user_display_name },
  };
}

export function toMessageGroup(item: GroupRowItem): MessageGroup {
  return {
    messageGroupUuid: item.message_group_uuid,
    lastMessage: item.message,
    lastMessageAt: item.sk,
    other: { uuid: item.user_uuid, handle: item.user_handle, displayName: item.user_display_name },
  };
}
