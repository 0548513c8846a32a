import { REACTIONS, type ReactionName } from '@cruddur/validators';
import type { Message } from './api-types';

export interface ReactionCount {
  name: ReactionName;
  emoji: string;
  label: string;
  /** How many people gave it (at most two in a conversation of two). */
  count: number;
  /** Whether I gave it. */
  mine: boolean;
}

/** My reactions on their way to the server: what each was toggled to, shown until it answers. */
export type PendingReactions = Partial<Record<ReactionName, boolean>>;

/**
 * Every reaction of the fixed set, in its order, with who gave it as the server has it — and my
 * own toggles still on their way applied on top, so that a tap shows at once.
 */
export function reactionCounts(
  reactions: Message['reactions'],
  meUuid: string | undefined,
  pending: PendingReactions = {},
): ReactionCount[] {
  return REACTIONS.map(({ name, emoji, label }) => {
    const who = reactions[name] ?? [];
    const stored = meUuid !== undefined && who.includes(meUuid);
    const mine = pending[name] ?? stored;
    const count = who.length + (mine === stored ? 0 : mine ? 1 : -1);
    return { name, emoji, label, count, mine };
  });
}
