import { type ReactionName } from '@cruddur/validators';

/** A person as messages and group rows record them (copied from PostgreSQL at write time). */
export interface UserRef {
  uuid: string;
  handle: string;
  displayName: string;
}

export interface Message {
  messageUuid: string;
  messageGroupUuid: string;
  /** The text; empty once deleted. */
  message: string;
  /** When it was sent, as a canonical sort key `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`. */
  createdAt: string;
  sender: UserRef;
  /** When the sender last edited it (canonical timestamp), or null. */
  editedAt: string | null;
  /** When the sender deleted it, or null: a deleted message stays as a tombstone. */
  deletedAt: string | null;
  /** Who reacted with what (user uuids, sorted); a reaction nobody gave is absent. */
  reactions: Partial<Record<ReactionName, string[]>>;
  /** Grows with every change after sending: of two versions of a message, the higher is the newer. */
  rev: number;
}

/** One row of a user's conversation list. */
export interface MessageGroup {
  messageGroupUuid: string;
  /** The latest message's text (shortened so that the row stays within one write unit). */
  lastMessage: string;
  /** The latest message was deleted (`lastMessage` is then empty). */
  lastMessageDeleted: boolean;
  lastMessageAt: string;
  /** The other participant. */
  other: UserRef;
  /** Messages from the other person after `readAt`; it stops counting at UNREAD_CAP. */
  unread: number;
  /** The newest message this user has read (a sort key); null when nothing is known yet. */
  readAt: string | null;
  /** Grows with every change of the row: of two versions of it, the higher is the newer. */
  rev: number;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null when there is nothing more. */
  nextCursor: string | null;
}
