/**
 * Control characters (NUL, escapes, line breaks…) have no place in a name or a search: PostgreSQL
 * refuses NUL outright, and the rest only hide or garble what people see.
 */
const CONTROL_CHARACTER = /\p{Cc}/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}
