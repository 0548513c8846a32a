import { useId, useState, type KeyboardEvent } from 'react';
import type { UserRef } from '../lib/api-types';
import { Avatar } from './avatar';

export interface PeoplePickerProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** The people matching `query`; undefined while there is nothing to show (yet). */
  results: readonly UserRef[] | undefined;
  loading: boolean;
  /** A search that failed, in words. */
  error?: string | null;
  onChoose: (person: UserRef) => void;
}

/**
 * An autocomplete for people, after the WAI-ARIA combobox pattern: the input owns a listbox of
 * suggestions; ↓/↑ move through them (`aria-activedescendant`, so focus stays in the input),
 * Enter chooses, Escape closes the list (and clears the input when it is closed already). A
 * status line tells screen readers how many people were found.
 */
export function PeoplePicker({
  query,
  onQueryChange,
  results,
  loading,
  error,
  onChoose,
}: PeoplePickerProps) {
  const id = useId();
  const listId = `${id}-people`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const people = results ?? [];
  const showList = open && query.trim() !== '' && people.length > 0;
  const optionId = (index: number) => `${id}-person-${index}`;

  const choose = (person: UserRef) => {
    setOpen(false);
    setActive(-1);
    onChoose(person);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (people.length ? (i + 1) % people.length : -1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (people.length ? (i <= 0 ? people.length - 1 : i - 1) : -1));
        break;
      case 'Enter': {
        event.preventDefault();
        const person = people[active] ?? (people.length === 1 ? people[0] : undefined);
        if (person) choose(person);
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (showList) setOpen(false);
        else onQueryChange('');
        setActive(-1);
        break;
    }
  };

  let status = '';
  if (query.trim() && !loading && results)
    status = people.length
      ? `${people.length} ${people.length === 1 ? 'person' : 'people'} found. Use the arrow keys to choose.`
      : `No one matches “${query.trim()}”.`;

  return (
    <div className="people-picker">
      <label htmlFor={`${id}-input`} className="sr-only">
        Find someone to write to
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        className="input"
        placeholder="Find someone by name or @handle"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="People"
        className="people-picker__list"
        hidden={!showList}
      >
        {people.map((person, index) => (
          <li
            key={person.uuid}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="people-picker__option"
            // Chosen on mousedown, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(person);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <Avatar user={person} />
            <span className="people-picker__name">{person.displayName}</span>
            <span className="muted">@{person.handle}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {status}
      </p>
      {error && query.trim() && (
        <p className="field-error small" role="alert">
          {error}
        </p>
      )}
      {open && status && !people.length && (
        <p className="muted small people-picker__empty">{status}</p>
      )}
    </div>
  );
}
