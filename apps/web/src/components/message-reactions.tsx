import type { ReactionName } from '@cruddur/validators';
import type { ReactionCount } from '../lib/reactions';

/**
 * The reactions a message has, each with its count; mine are pressed, and pressing one adds or
 * takes back mine. Nothing shows while nobody has reacted.
 */
export function MessageReactions({
  counts,
  onToggle,
}: {
  counts: readonly ReactionCount[];
  onToggle: (name: ReactionName, on: boolean) => void;
}) {
  const given = counts.filter((c) => c.count > 0);
  if (given.length === 0) return null;
  return (
    <ul className="reactions" aria-label="Reactions" data-testid="reactions">
      {given.map((r) => (
        <li key={r.name}>
          <button
            type="button"
            className="reaction"
            aria-pressed={r.mine}
            aria-label={`${r.label}: ${r.count}`}
            title={r.mine ? `${r.label} (you reacted; press to take it back)` : r.label}
            data-reaction={r.name}
            onClick={() => onToggle(r.name, !r.mine)}
          >
            <span aria-hidden="true">{r.emoji}</span>{' '}
            <span aria-hidden="true" className="reaction__count">
              {r.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
