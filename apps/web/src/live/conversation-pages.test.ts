import { describe, expect, it } from 'vitest';
import type { MessageGroup } from '../lib/api-types';
import { group, groupPage, message, priya, tomas } from '../testing/fixtures';
import {
  findGroup,
  totalUnread,
  UNREAD_CAP,
  withActivity,
  withChangedMessage,
  withGroup,
  type ConversationPages,
} from './conversation-pages';

const G1 = 'a1111111-1111-4111-8111-111111111111';
const G2 = 'a2222222-2222-4222-8222-222222222222';
const G3 = 'a3333333-3333-4333-8333-333333333333';
const G4 = 'a4444444-4444-4444-8444-444444444444';
const at = (minute: number) => `2026-11-24T19:${String(minute).padStart(2, '0')}:00.000000+00:00`;
const row = (uuid: string, minute: number, changes: Partial<MessageGroup> = {}) => ({
  ...group(uuid, uuid === G2 ? priya : tomas, at(minute)),
  ...changes,
});

/** Two loaded pages (G1, G2 | G3) with more below, 3 unread in total. */
function loaded(total: number | null = 3): ConversationPages {
  return {
    pages: [
      groupPage([row(G1, 30, { unread: 2, rev: 3 }), row(G2, 20, { unread: 1 })], 'c1', total),
      groupPage([row(G3, 10)], 'c2'),
    ],
    pageParams: [null, 'c1'],
  };
}

describe('withGroup', () => {
  it('replaces a held row with a newer version and moves the total by what its count moved', () => {
    const { data, reload } = withGroup(loaded(), row(G2, 40, { unread: 4, rev: 2 }), 99);
    expect(findGroup(data, G2)).toMatchObject({ lastMessageAt: at(40), unread: 4, rev: 2 });
    expect(totalUnread(data)).toBe(6);
    expect(reload).toBe(false);
  });

  it('ignores a version no newer than the one held (a duplicate or late delivery)', () => {
    const before = loaded();
    for (const rev of [2, 3]) {
      const change = withGroup(before, row(G1, 50, { unread: 9, rev }), 7);
      expect(change).toEqual({ data: before, reload: false });
    }
  });

  it('adds a new conversation at the top and its unread delta to the total', () => {
    const { data } = withGroup(loaded(), row(G4, 50, { unread: 1, rev: 1 }), 1);
    expect(data.pages[0]!.items[0]!.messageGroupUuid).toBe(G4);
    expect(totalUnread(data)).toBe(4);
  });

  it('asks for a reload when the delta is unknown (a catch-up after a reconnect)', () => {
    const { data, reload } = withGroup(loaded(), row(G4, 50, { unread: 1, rev: 1 }), null);
    expect(findGroup(data, G4)).toBeDefined();
    expect(totalUnread(data)).toBe(3);
    expect(reload).toBe(true);
  });

  it('still knows the delta of an unknown-delta event for a row it holds', () => {
    const { data, reload } = withGroup(loaded(), row(G1, 30, { unread: 0, rev: 4 }), null);
    expect(totalUnread(data)).toBe(1);
    expect(reload).toBe(false);
  });

  it('counts a change to a conversation further down the list without showing it among the loaded ones', () => {
    const older = row(G4, 5, { unread: 0, rev: 7 });
    const { data, reload } = withGroup(loaded(), older, -2);
    expect(findGroup(data, G4)).toBeUndefined();
    expect(totalUnread(data)).toBe(1);
    expect(reload).toBe(false);
  });

  it('keeps the total between 0 and the cap, and reloads a capped total that drops', () => {
    expect(totalUnread(withGroup(loaded(1), row(G4, 50, { rev: 1 }), -5).data)).toBe(0);
    const capped = loaded(UNREAD_CAP);
    expect(totalUnread(withGroup(capped, row(G4, 50, { unread: 3, rev: 1 }), 3).data)).toBe(
      UNREAD_CAP,
    );
    const dropped = withGroup(capped, row(G1, 30, { unread: 0, rev: 4 }), -2);
    expect(dropped.reload).toBe(true);
    expect(totalUnread(dropped.data)).toBe(UNREAD_CAP);
  });

  it('on replay after a fetch, applies only what the fetch cannot have seen, and never reloads', () => {
    const replayed = (g: MessageGroup, delta: number | null) =>
      withGroup(loaded(), g, delta, { replay: true });
    expect(replayed(row(G1, 30, { rev: 3, unread: 5 }), 1).data).toEqual(loaded());
    expect(totalUnread(replayed(row(G1, 60, { rev: 4, unread: 3 }), 1).data)).toBe(4);
    expect(replayed(row(G4, 50, { unread: 1, rev: 1 }), null)).toMatchObject({ reload: false });
    expect(replayed(row(G4, 5, { rev: 2 }), -1)).toEqual({ data: loaded(), reload: false });
  });

  it('shows every row of a list that is fully loaded', () => {
    const all: ConversationPages = { pages: [groupPage([row(G1, 30)], null, 0)], pageParams: [] };
    expect(findGroup(withGroup(all, row(G4, 1, { rev: 1 }), 0).data, G4)).toBeDefined();
  });
});

describe('withActivity', () => {
  it('moves a held row to a newer message, keeping its rev and counts for the server to set', () => {
    const data = withActivity(loaded(), {
      messageGroupUuid: G3,
      lastMessage: 'just now',
      lastMessageAt: at(45),
    });
    expect(findGroup(data, G3)).toMatchObject({ lastMessage: 'just now', rev: 1, unread: 0 });
    expect(totalUnread(data)).toBe(3);
  });

  it('shows the new message even where the previous one was deleted', () => {
    const data: ConversationPages = {
      pages: [groupPage([row(G1, 30, { lastMessage: '', lastMessageDeleted: true })], null, 0)],
      pageParams: [null],
    };
    const next = withActivity(data, {
      messageGroupUuid: G1,
      lastMessage: 'new',
      lastMessageAt: at(31),
    });
    expect(findGroup(next, G1)).toMatchObject({ lastMessage: 'new', lastMessageDeleted: false });
  });

  it('ignores a message older than the row shows', () => {
    const before = loaded();
    expect(
      withActivity(before, { messageGroupUuid: G1, lastMessage: 'old', lastMessageAt: at(25) }),
    ).toBe(before);
  });

  it('adds a conversation started here when the other person is known, and only then', () => {
    const fresh = { messageGroupUuid: G4, lastMessage: 'first!', lastMessageAt: at(50) };
    expect(withActivity(loaded(), fresh)).toEqual(loaded());
    const data = withActivity(loaded(), { ...fresh, other: priya });
    expect(data.pages[0]!.items[0]).toMatchObject({ messageGroupUuid: G4, rev: 0, other: priya });
  });
});

describe('withChangedMessage', () => {
  const newest = { ...message(1, tomas), messageGroupUuid: G1, createdAt: at(30) };
  const data = (): ConversationPages => ({
    pages: [groupPage([row(G1, 30, { lastMessage: newest.message, rev: 4 })], null, 0)],
    pageParams: [null],
  });

  it('shows the deletion or the new text of the newest message on its row, keeping its rev', () => {
    const deleted = { ...newest, message: '', deletedAt: at(31), rev: 1 };
    expect(findGroup(withChangedMessage(data(), deleted), G1)).toMatchObject({
      lastMessage: '',
      lastMessageDeleted: true,
      rev: 4,
    });
    const edited = { ...newest, message: 'better words', editedAt: at(31), rev: 1 };
    expect(findGroup(withChangedMessage(data(), edited), G1)).toMatchObject({
      lastMessage: 'better words',
      lastMessageDeleted: false,
    });
  });

  it('leaves the row alone for an older message, a reaction, or a conversation not loaded', () => {
    const before = data();
    const older = { ...newest, createdAt: at(29), message: '', deletedAt: at(31), rev: 1 };
    expect(withChangedMessage(before, older)).toBe(before);
    const reacted = { ...newest, reactions: { heart: [priya.uuid] }, rev: 1 };
    expect(withChangedMessage(before, reacted)).toBe(before);
    expect(withChangedMessage(before, { ...newest, messageGroupUuid: G2, message: 'x' })).toBe(
      before,
    );
  });
});
