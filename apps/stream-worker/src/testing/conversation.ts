import {
  createMessage,
  createMessageGroup,
  listMessageGroups,
  type DdbContext,
  type Message,
  type UserRef,
} from '@cruddur/ddb';
import { someone } from '@cruddur/ddb/testing';

export interface Conversation {
  messageGroupUuid: string;
  users: [UserRef, UserRef];
  /** Pattern C, from the first participant unless told otherwise. */
  say(message: string, from?: UserRef): Promise<Message>;
  /** What each participant's conversation list shows for this group: the text of their row. */
  rows(): Promise<(string | undefined)[]>;
}

/** Two new people and their group, its first message already written (pattern D). */
export async function startConversation(ctx: DdbContext, first: string): Promise<Conversation> {
  const users: [UserRef, UserRef] = [someone('ana'), someone('ben')];
  const { messageGroupUuid } = await createMessageGroup(ctx, {
    sender: users[0],
    recipient: users[1],
    message: first,
  });
  return {
    messageGroupUuid,
    users,
    say: (message, from = users[0]) =>
      createMessage(ctx, { messageGroupUuid, sender: from, message }),
    rows: () =>
      Promise.all(
        users.map(async (user) => {
          const { items } = await listMessageGroups(ctx, user.uuid, { limit: 100 });
          return items.find((group) => group.messageGroupUuid === messageGroupUuid)?.lastMessage;
        }),
      ),
  };
}
