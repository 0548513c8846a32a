import { blocksBetween, type BlocksBetween } from '@cruddur/db';
import { membersOf } from '@cruddur/ddb';
import { TRPCError } from '@trpc/server';
import { cached } from './cache/caches';
import { type ApiServices } from './services';
import { pairKey } from './users';

export const BLOCKED_BY_RECIPIENT = 'this person has blocked you: you cannot message them';
export const BLOCKED_BY_SENDER = 'you have blocked this person: unblock them to send a message';

/** Who blocked whom between `a` and `b`, from this instance's cache or PostgreSQL. */
export async function blocksOf(
  services: ApiServices,
  a: string,
  b: string,
): Promise<BlocksBetween> {
  const [low, high] = membersOf(a, b);
  const known = (await cached(services.caches.blocks, pairKey(low, high), () =>
    blocksBetween(services.pool, low, high),
  ))!;
  return a === low ? known : { aBlockedB: known.bBlockedA, bBlockedA: known.aBlockedB };
}

/** True when either of the two has blocked the other: nothing of theirs should reach the other. */
export async function isBlockedBetween(
  services: ApiServices,
  a: string,
  b: string,
): Promise<boolean> {
  const { aBlockedB, bBlockedA } = await blocksOf(services, a, b);
  return aBlockedB || bBlockedA;
}

/**
 * Refuses a message from `senderUuid` to `recipientUuid` (FORBIDDEN, before anything is written)
 * when the recipient has blocked the sender — or the sender the recipient: blocking someone ends
 * the conversation both ways until it is lifted.
 */
export async function assertNotBlocked(
  services: ApiServices,
  senderUuid: string,
  recipientUuid: string,
): Promise<void> {
  const { aBlockedB: senderBlocked, bBlockedA: recipientBlocked } = await blocksOf(
    services,
    senderUuid,
    recipientUuid,
  );
  if (recipientBlocked) throw new TRPCError({ code: 'FORBIDDEN', message: BLOCKED_BY_RECIPIENT });
  if (senderBlocked) throw new TRPCError({ code: 'FORBIDDEN', message: BLOCKED_BY_SENDER });
}

/** After block or unblock on this instance: the next check reads the database again. */
export function forgetBlocks(services: ApiServices, a: string, b: string): void {
  services.caches.blocks.delete(pairKey(a, b));
}
