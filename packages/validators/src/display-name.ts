import { characterCount } from './message-text';
import { hasControlCharacters } from './text';

/** What people see as someone's name; the users table checks the same length and non-blankness. */
export const DISPLAY_NAME_MAX_CHARACTERS = 100;

export function normalizeDisplayName(input: string): string {
  return input.trim();
}

/** Why `name` (already normalized) cannot be a display name, or null when it can. */
export function displayNameProblem(name: string): string | null {
  if (name.length === 0) return 'must not be blank';
  if (characterCount(name) > DISPLAY_NAME_MAX_CHARACTERS)
    return `must be at most ${DISPLAY_NAME_MAX_CHARACTERS} characters`;
  if (hasControlCharacters(name)) return 'must not contain control characters';
  return null;
}
