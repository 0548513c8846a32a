import { useTypist } from '../live/live-context';

/**
 * "… is typing…" under the conversation while the other person types. A polite live region that
 * is always there (a region added with its text is often not read out).
 */
export function TypingIndicator({
  messageGroupUuid,
  name,
}: {
  messageGroupUuid: string;
  name: string | undefined;
}) {
  const typist = useTypist(messageGroupUuid);
  return (
    <p className="typing" data-testid="typing" aria-live="polite">
      {typist && `${name ?? 'They'} is typing…`}
    </p>
  );
}
