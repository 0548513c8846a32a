import { describe, expect, it } from 'vitest';
import { orderConversations } from './conversation-order';
import { group, priya, tomas } from '../testing/fixtures';

const G1 = 'a1111111-1111-4111-8111-111111111111';
const G2 = 'a2222222-2222-4222-8222-222222222222';
const G3 = 'a3333333-3333-4333-8333-333333333333';
const at = (minute: number) => `2026-11-24T19:${String(minute).padStart(2, '0')}:00.000000+00:00`;
const ids = (list: { messageGroupUuid: string }[]) => list.map((g) => g.messageGroupUuid);

describe('orderConversations', () => {
  const pages = [
    { items: [group(G1, tomas, at(30), 'latest'), group(G2, priya, at(20))], nextCursor: 'c' },
    { items: [group(G3, tomas, at(10))], nextCursor: null },
  ];

  it('keeps the server’s newest-first order across pages', () => {
    expect(ids(orderConversations(pages, []))).toEqual([G1, G2, G3]);
  });

  it('moves a conversation up with a newer message seen here, showing its text', () => {
    const list = orderConversations(pages, [
      { messageGroupUuid: G3, lastMessage: 'just now', lastMessageAt: at(40) },
    ]);
    expect(ids(list)).toEqual([G3, G1, G2]);
    expect(list[0]).toMatchObject({ lastMessage: 'just now', lastMessageAt: at(40), other: tomas });
  });

  it('ignores local activity older than what the server says (a stale refetch cannot win either way)', () => {
    const list = orderConversations(pages, [
      { messageGroupUuid: G1, lastMessage: 'older', lastMessageAt: at(25) },
    ]);
    expect(list[0]).toMatchObject({ messageGroupUuid: G1, lastMessage: 'latest' });
  });

  it('adds a brand-new conversation when the other person is known, and only then', () => {
    const G4 = 'a4444444-4444-4444-8444-444444444444';
    const fresh = { messageGroupUuid: G4, lastMessage: 'first!', lastMessageAt: at(50) };
    expect(ids(orderConversations(pages, [fresh]))).toEqual([G1, G2, G3]);
    expect(ids(orderConversations(pages, [{ ...fresh, other: priya }]))).toEqual([G4, G1, G2, G3]);
  });

  it('lists a conversation that moved between page fetches once, at its newest position', () => {
    const moved = [
      { items: [group(G3, tomas, at(45), 'moved'), group(G1, tomas, at(30))], nextCursor: 'c' },
      { items: [group(G2, priya, at(20)), group(G3, tomas, at(10))], nextCursor: null },
    ];
    const list = orderConversations(moved, []);
    expect(ids(list)).toEqual([G3, G1, G2]);
    expect(list[0]!.lastMessage).toBe('moved');
  });
});
