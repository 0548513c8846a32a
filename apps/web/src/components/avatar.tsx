import type { CSSProperties } from 'react';

/** A coloured initial standing in for a profile picture; decorative, the name is always shown beside it. */
export function Avatar({
  user,
  size = 'md',
}: {
  user: { uuid: string; displayName: string };
  size?: 'sm' | 'md';
}) {
  // A stable hue per person, so that the same person always has the same colour.
  let hash = 0;
  for (const char of user.uuid) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const initial = user.displayName.trim().charAt(0).toUpperCase() || '?';
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ '--avatar-hue': hash % 360 } as CSSProperties}
      aria-hidden="true"
    >
      {initial}
    </span>
  );
}
