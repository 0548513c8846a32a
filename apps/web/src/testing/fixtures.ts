import type {
  Message,
  MessageGroup,
  MessageGroupPage,
  MessagePage,
  UserRef,
} from '../lib/api-types';

/** Test data in the API's shapes. */
export const mira: UserRef = {
  uuid: '11111111-1111-4111-8111-111111111111',
  handle: 'mira',
  displayName: 'Mira Okafor',
};
export const tomas: UserRef = {
  uuid: '22222222-2222-4222-8222-222222222222',
  handle: 'tomas',
  displayName: 'Tomás Lindqvist',
};
export const priya: UserRef = {
  uuid: '33333333-3333-4333-8333-333333333333',
  handle: 'priya',
  displayName: 'Priya Raman',
};

export const GROUP = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

/** A message at `second` seconds past a fixed minute, with a uuid derived from `n`. */
export function message(n: number, sender: UserRef = mira, text = `message ${n}`): Message {
  return {
    messageUuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    messageGroupUuid: GROUP,
    message: text,
    createdAt: `2026-11-24T19:03:${String(n).padStart(2, '0')}.000000+00:00`,
    sender,
    editedAt: null,
    deletedAt: null,
    reactions: {},
    rev: 0,
  };
}

/** A page of a thread; the first (newest) page also says how far the other person has read. */
export function page(
  items: Message[],
  nextCursor: string | null = null,
  otherReadAt: string | null = null,
): MessagePage {
  return { items, nextCursor, otherReadAt, asOf: '2026-11-24T19:04:00.000000+00:00' };
}

export function group(
  uuid: string,
  other: UserRef,
  lastMessageAt: string,
  lastMessage = 'hi',
): MessageGroup {
  return {
    messageGroupUuid: uuid,
    other,
    lastMessage,
    lastMessageDeleted: false,
    lastMessageAt,
    unread: 0,
    readAt: null,
    rev: 1,
  };
}

/** A page of my conversation list; the first page carries the total unread. */
export function groupPage(
  items: MessageGroup[],
  nextCursor: string | null = null,
  totalUnread: number | null = null,
): MessageGroupPage {
  return { items, nextCursor, totalUnread };
}
