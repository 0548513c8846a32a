import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { group, tomas } from '../testing/fixtures';
import { ConversationItem } from './conversation-item';

const NOW = new Date('2026-11-24T19:30:00Z');

function renderRow(unread: number) {
  render(
    <MemoryRouter>
      <ul>
        <ConversationItem
          group={{ ...group('g1', tomas, '2026-11-24T19:03:00.000000+00:00'), unread }}
          active={false}
          now={NOW}
        />
      </ul>
    </MemoryRouter>,
  );
  return screen.getByTestId('conversation-item');
}

describe('ConversationItem unread state', () => {
  it('is bold with a count, read out as unread, while messages are unread', () => {
    const row = renderRow(3);
    expect(row.className).toContain('conversation--unread');
    expect(screen.getByTestId('unread-badge').textContent).toBe('3 unread');
  });

  it('caps the count at 99+', () => {
    renderRow(100);
    expect(screen.getByTestId('unread-badge').textContent).toBe('99+ unread');
  });

  it('has neither once everything is read', () => {
    const row = renderRow(0);
    expect(row.className).not.toContain('conversation--unread');
    expect(screen.queryByTestId('unread-badge')).toBeNull();
  });
});
