import {
  characterCount,
  MESSAGE_MAX_CHARACTERS,
  messageTextProblem,
  normalizeMessageText,
} from '@cruddur/validators';

export interface MessageCheck {
  /** The text that would be sent. */
  text: string;
  remaining: number;
  state: 'empty' | 'ok' | 'too-long';
}

/** The composer's view of a draft, by the same rules the API applies (@cruddur/validators). */
export function checkMessage(draft: string): MessageCheck {
  const text = normalizeMessageText(draft);
  const remaining = MESSAGE_MAX_CHARACTERS - characterCount(text);
  if (messageTextProblem(text) === null) return { text, remaining, state: 'ok' };
  return { text, remaining, state: remaining < 0 ? 'too-long' : 'empty' };
}
