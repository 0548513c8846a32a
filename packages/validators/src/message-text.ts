/**
 * What a message may say. The API, the data layer and the web app's composer all apply these
 * rules, so a message the composer lets through is one the API stores.
 */

/** Counted in characters (code points), so that 1024 emoji are as welcome as 1024 letters. */
export const MESSAGE_MAX_CHARACTERS = 1024;

/** Characters as people count them: an emoji or an accented letter is one, whatever its UTF-16 length. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The text that is stored: leading and trailing white space is not part of a message. */
export function normalizeMessageText(text: string): string {
  return text.trim();
}

/** Why `text` (already normalized) cannot be a message, or null when it can. */
export function messageTextProblem(text: string): string | null {
  if (text.length === 0) return 'must not be blank';
  if (characterCount(text) > MESSAGE_MAX_CHARACTERS)
    return `must be at most ${MESSAGE_MAX_CHARACTERS} characters`;
  return null;
}
