/**
 * The reactions a message can get: a small fixed set, one of each per person per message. Each
 * has a name that inputs and stored attributes use (`reaction_thumbs_up`), so that what is stored
 * never depends on how a device encodes an emoji.
 */
export const REACTIONS = [
  { name: 'thumbs_up', emoji: '👍', label: 'Thumbs up' },
  { name: 'heart', emoji: '❤️', label: 'Heart' },
  { name: 'laugh', emoji: '😂', label: 'Laughing' },
  { name: 'wow', emoji: '😮', label: 'Surprised' },
  { name: 'sad', emoji: '😢', label: 'Sad' },
  { name: 'thanks', emoji: '🙏', label: 'Thank you' },
] as const;

export type ReactionName = (typeof REACTIONS)[number]['name'];

export const REACTION_NAMES: readonly ReactionName[] = REACTIONS.map((r) => r.name);

export function isReactionName(value: unknown): value is ReactionName {
  return typeof value === 'string' && (REACTION_NAMES as readonly string[]).includes(value);
}
