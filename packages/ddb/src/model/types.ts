/** A person as messages and group rows record them (copied from PostgreSQL at write time). */
export interface UserRef {
  uuid: string;
  handle: string;
  displayName: string;
}

export interface Message {
  messageUuid: string;
  messageGroupUuid: string;
  message: string;
  /** The message's sort key: when it was created, `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`. */
  createdAt: string;
  sender: UserRef;
}

/** One row of a user's conversation list. */
export interface MessageGroup {
  messageGroupUuid: string;
  lastMessage: string;
  lastMessageAt: string;
  /** The other participant. */
  other: UserRef;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null when there is nothing more. */
  nextCursor: string | null;
}
