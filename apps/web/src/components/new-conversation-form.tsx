import { useId, useState } from 'react';
import { useNavigate } from 'react-router';

/** "Message someone": goes to the new-conversation view for a handle (a leading @ is fine). */
export function NewConversationForm() {
  const navigate = useNavigate();
  const inputId = useId();
  const [handle, setHandle] = useState('');
  const cleaned = handle.trim().replace(/^@/, '');

  return (
    <form
      className="new-conversation"
      onSubmit={(event) => {
        event.preventDefault();
        if (!cleaned) return;
        setHandle('');
        void navigate(`/messages/new/${encodeURIComponent(cleaned)}`);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Start a conversation with (handle)
      </label>
      <input
        id={inputId}
        name="handle"
        className="input"
        placeholder="@handle"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={handle}
        onChange={(event) => setHandle(event.target.value)}
      />
      <button type="submit" className="button" disabled={!cleaned}>
        Start
      </button>
    </form>
  );
}
