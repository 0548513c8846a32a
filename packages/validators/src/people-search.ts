import { characterCount } from './message-text';
import { hasControlCharacters } from './text';

/** How many people one search returns: a picker shows a handful, never the whole directory. */
export const PEOPLE_SEARCH_LIMIT = { min: 1, max: 20, default: 8 } as const;
/** As long as the longest display name: a longer query cannot match anybody. */
export const PEOPLE_QUERY_MAX_CHARACTERS = 100;

/** People type what they see: "@mira", "Tomás", " lind". */
export function normalizePeopleQuery(input: string): string {
  return input.trim().replace(/^@/, '');
}

/** Why `query` (already normalized) cannot be searched for, or null when it can. */
export function peopleQueryProblem(query: string): string | null {
  if (query.length === 0) return 'must not be blank';
  if (characterCount(query) > PEOPLE_QUERY_MAX_CHARACTERS)
    return `must be at most ${PEOPLE_QUERY_MAX_CHARACTERS} characters`;
  if (hasControlCharacters(query)) return 'must not contain control characters';
  return null;
}

export function peopleSearchLimitProblem(limit: unknown): string | null {
  if (typeof limit !== 'number' || !Number.isInteger(limit)) return 'must be a whole number';
  if (limit < PEOPLE_SEARCH_LIMIT.min) return `must be at least ${PEOPLE_SEARCH_LIMIT.min}`;
  if (limit > PEOPLE_SEARCH_LIMIT.max) return `must be at most ${PEOPLE_SEARCH_LIMIT.max}`;
  return null;
}
