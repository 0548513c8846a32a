/**
 * The API stores 1–1024 characters after trimming, counted in code points (an emoji is one
 * character), and so does this counter.
 */
export const MAX_MESSAGE_LENGTH = 1024;

export interface MessageCheck {
  /** The text that would be sent. */
  text: string;
  remaining: number;
  state: 'empty' | 'ok' | 'too-long';
}

export function checkMessage(draft: string, max = MAX_MESSAGE_LENGTH): MessageCheck {
  const text = draft.trim();
  const length = [...text].length;
  const remaining = max - length;
  const state = length === 0 ? 'empty' : remaining < 0 ? 'too-long' : 'ok';
  return { text, remaining, state };
}
