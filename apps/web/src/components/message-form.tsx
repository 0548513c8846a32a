import { useId, useState, type KeyboardEvent } from 'react';
import { checkMessage } from '../lib/message-limits';
import { CharCounter } from './char-counter';

export interface MessageFormProps {
  /** Receives the trimmed text; the form clears itself straight away (the message shows as pending). */
  onSend: (text: string) => void;
  /**
   * Not ready to send (the conversation is still loading). The box is then read-only rather than
   * disabled, so it keeps focus and nothing typed early is lost or silently not sent.
   */
  disabled?: boolean;
  autoFocus?: boolean;
  /** Called as the person types something (to tell the other person; throttled by the caller). */
  onTyping?: () => void;
  /** The text, kept by the caller (a draft that outlives the view, use-draft.ts); else the form's own. */
  draft?: [string, (text: string) => void];
}

/** The message box: Enter sends, Shift+Enter starts a new line, and nothing blank or too long goes out. */
export function MessageForm({
  onSend,
  disabled = false,
  autoFocus = false,
  onTyping,
  draft: kept,
}: MessageFormProps) {
  const own = useState('');
  const [draft, setDraft] = kept ?? own;
  const inputId = useId();
  const counterId = useId();
  const check = checkMessage(draft);
  const sendable = check.state === 'ok' && !disabled;

  const send = () => {
    if (!sendable) return;
    onSend(check.text);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method is composing (Japanese, Chinese…), Enter confirms the composition.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Message
      </label>
      <textarea
        id={inputId}
        name="message"
        className="composer__input"
        rows={1}
        placeholder="Write a message…"
        dir="auto"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          if (event.target.value.trim() !== '') onTyping?.();
        }}
        onKeyDown={onKeyDown}
        aria-describedby={counterId}
        aria-invalid={check.state === 'too-long'}
        readOnly={disabled}
        autoFocus={autoFocus}
      />
      <div className="composer__footer">
        <CharCounter id={counterId} remaining={check.remaining} />
        <button type="submit" className="button button--primary" disabled={!sendable}>
          Send
        </button>
      </div>
    </form>
  );
}
