import { describe, expect, it } from 'vitest';
import { formatUnread, unreadTitle } from './unread';

describe('formatUnread', () => {
  it('shows counts up to 99 as they are, and the API’s cap as 99+', () => {
    expect([1, 99, 100].map(formatUnread)).toEqual(['1', '99', '99+']);
  });
});

describe('unreadTitle', () => {
  it('puts the total in front of the title, and nothing when there is none', () => {
    expect(unreadTitle('Cruddur Messages', 3)).toBe('(3) Cruddur Messages');
    expect(unreadTitle('Cruddur Messages', 100)).toBe('(99+) Cruddur Messages');
    expect(unreadTitle('Cruddur Messages', 0)).toBe('Cruddur Messages');
    expect(unreadTitle('Cruddur Messages', null)).toBe('Cruddur Messages');
  });
});
