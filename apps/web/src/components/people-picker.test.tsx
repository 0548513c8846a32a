import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { UserRef } from '../lib/api-types';
import { PeoplePicker } from './people-picker';

const PEOPLE: UserRef[] = [
  { uuid: '00000000-0000-4000-8000-000000000001', handle: 'tomas', displayName: 'Tomás Lindqvist' },
  { uuid: '00000000-0000-4000-8000-000000000002', handle: 'tomasz', displayName: 'Tomasz Nowak' },
  { uuid: '00000000-0000-4000-8000-000000000003', handle: 'toni', displayName: 'Toni Ruiz' },
];

/** The picker with its query in state, as the form holds it; results follow the query at once. */
function setup() {
  const onChoose = vi.fn<(person: UserRef) => void>();
  function Harness() {
    const [query, setQuery] = useState('');
    const results = query
      ? PEOPLE.filter((p) => p.handle.startsWith(query.toLowerCase()))
      : undefined;
    return (
      <PeoplePicker
        query={query}
        onQueryChange={setQuery}
        results={results}
        loading={false}
        onChoose={onChoose}
      />
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  const input = screen.getByRole<HTMLInputElement>('combobox', {
    name: 'Find someone to write to',
  });
  return { user, input, onChoose };
}

describe('PeoplePicker', () => {
  it('is a combobox that owns a listbox of the matching people, announced by a status', async () => {
    const { user, input } = setup();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.type(input, 'tom');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'People' });
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    expect(screen.getAllByRole('option')).toHaveLength(2);
    expect(screen.getByRole('option', { name: /Tomás Lindqvist @tomas$/ })).toBeDefined();
    expect(screen.getByRole('option', { name: /Tomasz Nowak @tomasz$/ })).toBeDefined();
    expect(screen.getByRole('status').textContent).toBe(
      '2 people found. Use the arrow keys to choose.',
    );
  });

  it('moves through the people with the arrow keys, wrapping around, and Enter chooses', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, 'to');
    await user.keyboard('{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    // Focus never left the input.
    expect(document.activeElement).toBe(input);
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledWith(PEOPLE[1]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('chooses the only match with Enter, and a person with a click', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, 'toni{Enter}');
    expect(onChoose).toHaveBeenLastCalledWith(PEOPLE[2]);
    await user.clear(input);
    await user.type(input, 'tomasz');
    await user.click(screen.getByRole('option', { name: /Tomasz Nowak/ }));
    expect(onChoose).toHaveBeenLastCalledWith(PEOPLE[1]);
  });

  it('closes the list with Escape, then clears the input with a second Escape', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, 'to');
    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('to');
    await user.keyboard('{Escape}');
    expect(input.value).toBe('');
    await user.keyboard('{Enter}');
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('says so when nobody matches', async () => {
    const { user, input } = setup();
    await user.type(input, 'zz');
    expect(screen.getByRole('status').textContent).toBe('No one matches “zz”.');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });
});
