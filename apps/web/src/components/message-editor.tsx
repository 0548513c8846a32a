import { useId, useState, type KeyboardEvent } from 'react';
import { checkMessage } from '../lib/message-limits';
import { CharCounter } from './char-counter';

/** The rule the API applies (apps/api/README.md, "Editing"), said where it matters. */
export const EDIT_RULE = 'You can edit your messages at any time until you delete them.';

/**
 * A message being edited, in place of its text: Enter saves, Shift+Enter starts a new line,
 * Escape cancels. The same limits as the message box; the same text again just closes it.
 */
export function MessageEditor({
  original,
  initial = original,
  onSave,
  onCancel,
}: {
  /** The message's text as stored. */
  original: string;
  /** What the box starts with (an edit that was not saved, to try again). */
  initial?: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const hintId = useId();
  const counterId = useId();
  const check = checkMessage(text);

  const save = () => {
    if (check.state !== 'ok') return;
    if (check.text === original) onCancel();
    else onSave(check.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <div className="message-editor">
      <textarea
        className="message-editor__input"
        aria-label="Edit text"
        aria-describedby={`${hintId} ${counterId}`}
        aria-invalid={check.state === 'too-long'}
        dir="auto"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        // Opened on purpose by the person: focus belongs here.
        autoFocus
        onFocus={(event) => event.target.setSelectionRange(text.length, text.length)}
      />
      <p id={hintId} className="message-editor__hint">
        Enter to save, Esc to cancel. {EDIT_RULE}
      </p>
      <div className="message-editor__footer">
        <CharCounter id={counterId} remaining={check.remaining} />
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={check.state !== 'ok'}
          onClick={save}
        >
          Save
        </button>
      </div>
    </div>
  );
}
