import { messageIdAt } from '@cruddur/validators';
import { type DdbContext } from '../context';
import { nowMicros } from '../internal/timestamp';
import { checkMessageText, checkUserRef, checkUuid } from '../internal/validate';
import { NotMemberError } from '../model/errors';
import { type Message, type UserRef } from '../model/types';
import { groupMembers, type Members } from './membership';
import { putMessage } from './message-write';

export interface NewMessage {
  messageGroupUuid: string;
  sender: UserRef;
  message: string;
  /**
   * Chosen by the sender's device so that a retried send returns the stored message instead of
   * a duplicate. A version-7 id (its time within a minute of now) also names the message's sort
   * key, which makes the retry free; another uuid works too, at the price of a guard item.
   */
  messageUuid?: string;
}

export interface CreateOptions {
  /** The group's members when the caller already knows them (they never change: the API caches them). */
  members?: Members;
}

/**
 * Pattern C: a message in an existing group, by one of its two participants — one PutItem. The
 * group rows move to it through the stream (pattern E), as in the original.
 */
export async function createMessage(
  ctx: DdbContext,
  input: NewMessage,
  options: CreateOptions = {},
): Promise<Message> {
  const messageGroupUuid = checkUuid('messageGroupUuid', input.messageGroupUuid);
  const sender = checkUserRef('sender', input.sender);
  const message = checkMessageText(input.message);
  // Taken on arrival, before any await: sends keep the order they were made in.
  const messageUuid =
    input.messageUuid === undefined
      ? messageIdAt(nowMicros())
      : checkUuid('messageUuid', input.messageUuid);
  const members = options.members ?? (await groupMembers(ctx, messageGroupUuid));
  if (!members?.includes(sender.uuid)) throw new NotMemberError(messageGroupUuid, sender.uuid);
  return putMessage(ctx, { messageGroupUuid, sender, message, messageUuid });
}
