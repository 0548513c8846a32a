import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactionCounts } from '../lib/reactions';
import { mira } from '../testing/fixtures';
import { MessageActions } from './message-actions';

function setup(mine: boolean) {
  const props = {
    mine,
    counts: reactionCounts({ heart: [mira.uuid] }, mira.uuid),
    onReact: vi.fn(),
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    toggleRef: createRef<HTMLButtonElement>(),
  };
  render(<MessageActions {...props} />);
  const user = userEvent.setup();
  const toggle = screen.getByRole('button', { name: 'Actions' });
  return { ...props, user, toggle };
}

describe('MessageActions', () => {
  it('opens from the keyboard on the reactions, and Escape closes it back onto the button', async () => {
    const { user, toggle } = setup(true);
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'React: Thumbs up' }));
    expect(screen.getByRole('button', { name: 'React: Heart' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Actions' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('toggles a reaction: mine off, another on', async () => {
    const { user, toggle, onReact } = setup(false);
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'React: Heart' }));
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'React: Laughing' }));
    expect(onReact.mock.calls).toEqual([
      ['heart', false],
      ['laugh', true],
    ]);
  });

  it('offers no Edit or Delete on the other person’s messages', async () => {
    const { user, toggle } = setup(false);
    await user.click(toggle);
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('on mine: Edit, and Delete once confirmed (focus on Cancel while it asks)', async () => {
    const { user, toggle, onDelete, onEdit } = setup(true);
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete for both of you?')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDelete).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledTimes(1);

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
  });
});
