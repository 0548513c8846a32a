import { randomUUID } from 'node:crypto';
import { type DdbContext } from '../context';
import { NotMemberError } from '../model/errors';
import { isMember } from './membership';
import { storeMessage } from './store-message';
import { nowTimestamp } from '../internal/timestamp';
import { type Message, type UserRef } from '../model/types';
import { checkMessageText, checkUserRef, checkUuid } from '../internal/validate';

export interface NewMessage {
  messageGroupUuid: string;
  sender: UserRef;
  message: string;
  /** Chosen by the client so that a retried send returns the stored message instead of a duplicate. */
  messageUuid?: string;
}

/**
 * Pattern C: a message in an existing group, by one of its two participants. The group rows move
 * to it through the stream (pattern E), as in the original.
 */
export async function createMessage(ctx: DdbContext, input: NewMessage): Promise<Message> {
  const messageGroupUuid = checkUuid('messageGroupUuid', input.messageGroupUuid);
  const sender = checkUserRef('sender', input.sender);
  const message = checkMessageText(input.message);
  const messageUuid =
    input.messageUuid === undefined ? randomUUID() : checkUuid('messageUuid', input.messageUuid);
  // The time is taken on arrival, before any await: sends keep the order they were made in.
  const sk = nowTimestamp();
  if (!(await isMember(ctx, messageGroupUuid, sender.uuid))) {
    throw new NotMemberError(messageGroupUuid, sender.uuid);
  }
  return storeMessage(ctx, { messageGroupUuid, sender, message, messageUuid }, sk);
}
