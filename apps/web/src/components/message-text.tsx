import { useMemo } from 'react';
import { linkSegments } from '../lib/linkify';

/**
 * A message's text as written, with its http(s) links clickable. Links open in a new tab with
 * neither opener nor referrer (the page linked to cannot reach back into the conversation, nor
 * learn its address); nothing is fetched to preview them. `dir="auto"`: Arabic or Hebrew text
 * reads right to left, its punctuation on the right side, whatever the page's direction.
 */
export function MessageText({ text }: { text: string }) {
  const segments = useMemo(() => linkSegments(text), [text]);
  return (
    <p className="message__text" dir="auto">
      {segments.map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
