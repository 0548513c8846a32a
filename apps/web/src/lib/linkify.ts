import { LinkifyIt } from 'linkify-it';

export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * Only links someone wrote out with `http://` or `https://`: no bare domains ("example.com" may
 * be a file name), no emails, no `ftp:` or protocol-relative `//host`. Anything else — a
 * `javascript:` or `data:` URL included — stays text. linkify-it finds where a link ends
 * (trailing punctuation, brackets, quotes; any script's letters).
 */
const linkifier = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add('ftp:', null)
  .add('mailto:', null)
  .add('//', null);

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/** The address to link to, or null: checked again by the URL parser, so only http(s) ever passes. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return SAFE_PROTOCOLS.has(parsed.protocol) && parsed.hostname !== '' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A message's text cut into plain text and http(s) links, in order; joined back together the
 * segments' texts are the message exactly as written (a link shows what was typed, never a
 * different address).
 */
export function linkSegments(text: string): TextSegment[] {
  const matches = linkifier.test(text) ? (linkifier.match(text) ?? []) : [];
  const segments: TextSegment[] = [];
  let at = 0;
  const pushText = (to: number) => {
    if (to <= at) return;
    const previous = segments.at(-1);
    const piece = text.slice(at, to);
    if (previous?.kind === 'text') previous.text += piece;
    else segments.push({ kind: 'text', text: piece });
  };
  for (const match of matches) {
    const href = safeHref(match.url);
    if (!href) continue;
    pushText(match.index);
    segments.push({ kind: 'link', text: text.slice(match.index, match.lastIndex), href });
    at = match.lastIndex;
  }
  pushText(text.length);
  return segments;
}
