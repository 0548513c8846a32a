import { describe, expect, it } from 'vitest';
import { orderConversations } from './conversation-order';
import { group, groupPage, priya, tomas } from '../testing/fixtures';

const G1 = 'a1111111-1111-4111-8111-111111111111';
const G2 = 'a2222222-2222-4222-8222-222222222222';
const G3 = 'a3333333-3333-4333-8333-333333333333';
const at = (minute: number) => `2026-11-24T19:${String(minute).padStart(2, '0')}:00.000000+00:00`;
const ids = (list: { messageGroupUuid: string }[]) => list.map((g) => g.messageGroupUuid);

describe('orderConversations', () => {
  it('keeps the server’s newest-first order across pages', () => {
    const pages = [
      groupPage([group(G1, tomas, at(30), 'latest'), group(G2, priya, at(20))], 'c'),
      groupPage([group(G3, tomas, at(10))]),
    ];
    expect(ids(orderConversations(pages))).toEqual([G1, G2, G3]);
  });

  it('lists a conversation that moved between page fetches once, at its newest position', () => {
    const moved = [
      groupPage([group(G3, tomas, at(45), 'moved'), group(G1, tomas, at(30))], 'c'),
      groupPage([group(G2, priya, at(20)), group(G3, tomas, at(10))]),
    ];
    const list = orderConversations(moved);
    expect(ids(list)).toEqual([G3, G1, G2]);
    expect(list[0]!.lastMessage).toBe('moved');
  });

  it('prefers the version with the higher rev, whatever the page order', () => {
    const pages = [
      groupPage([{ ...group(G1, tomas, at(30)), rev: 4, unread: 2 }]),
      groupPage([{ ...group(G1, tomas, at(30)), rev: 5, unread: 0 }]),
    ];
    expect(orderConversations(pages)).toEqual([expect.objectContaining({ rev: 5, unread: 0 })]);
  });
});
