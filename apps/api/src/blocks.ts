import { blocksBetween, type BlocksBetween } from '@cruddur/db';
import { TRPCError } from '@trpc/server';
import { LRUCache } from 'lru-cache';
import { type ApiServices } from './services';
import { pairKey } from './users';

/**
 * How long an instance trusts what it read about a pair. A block or unblock is announced by the
 * database (a trigger on `blocks`), and every instance that listens to live delivery forgets the
 * pair at once; an instance that does not (the Lambda handler) goes on for at most this long on
 * what it read before.
 */
export const BLOCK_TTL_MS = 10_000;

export const BLOCKED_BY_RECIPIENT = 'this person has blocked you: you cannot message them';
export const BLOCKED_BY_SENDER = 'you have blocked this person: unblock them to send a message';

/** One cache per API instance (its services), keyed by the unordered pair. */
const caches = new WeakMap<ApiServices, LRUCache<string, BlocksBetween>>();

function cacheOf(services: ApiServices): LRUCache<string, BlocksBetween> {
  let cache = caches.get(services);
  if (!cache) {
    cache = new LRUCache({ max: 50_000, ttl: BLOCK_TTL_MS });
    caches.set(services, cache);
  }
  return cache;
}

/** Who blocked whom between `a` and `b`, from this instance's cache or PostgreSQL. */
export async function blocksOf(
  services: ApiServices,
  a: string,
  b: string,
): Promise<BlocksBetween> {
  const [low, high] = a < b ? [a, b] : [b, a];
  const cache = cacheOf(services);
  const key = pairKey(low, high);
  let known = cache.get(key);
  if (!known) {
    known = await blocksBetween(services.pool, low, high);
    cache.set(key, known);
  }
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
  cacheOf(services).delete(pairKey(a, b));
}
