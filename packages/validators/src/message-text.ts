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

/**
 * The text that is stored: leading and trailing white space is not part of a message, and a
 * line break is one `\n` whichever system typed it.
 */
export function normalizeMessageText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

// Line breaks and tabs are how people lay out a message; every other control character (NUL,
// escape sequences, backspace…) only hides or garbles what the other person sees.
const CONTROL_CHARACTER = /[^\P{Cc}\n\t]/u;

/**
 * A character that shows something: a letter, digit, punctuation mark or symbol (Unicode
 * general categories L, N, P, S) that is not a default-ignorable code point — the property
 * fonts and renderers use to draw nothing (zero-width spaces and joiners, word joiner, Hangul
 * fillers…). U+2800 BRAILLE PATTERN BLANK is a symbol with no dots and no property of its own
 * saying so: it is the one character named here.
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** Why `text` (already normalized) cannot be a message, or null when it can. */
export function messageTextProblem(text: string): string | null {
  if (text.length === 0) return 'must not be blank';
  if (characterCount(text) > MESSAGE_MAX_CHARACTERS)
    return `must be at most ${MESSAGE_MAX_CHARACTERS} characters`;
  if (CONTROL_CHARACTER.test(text))
    return 'must not contain control characters (line breaks and tabs are fine)';
  if (!VISIBLE.test(text)) return 'must contain at least one visible character';
  return null;
}
