import { type BlocksBetween } from '@cruddur/db';
import { type Members, type UserRef } from '@cruddur/ddb';
import { LRUCache } from 'lru-cache';

/**
 * What one API instance remembers between requests so that a request in steady state makes no
 * PostgreSQL call and as few DynamoDB calls as its work needs. Each cache is bounded in size.
 *
 * - **members** of a group never change once it exists (a conversation is between exactly two
 *   people): kept until evicted, never stale.
 * - **pairs** → their group: the same, once a pair has one. A pair without one is not cached.
 * - **users** by Cognito sub and by handle: a users row can change or go, so entries live
 *   `USER_TTL_MS` and are dropped at once when the database announces a change (see live/).
 *   Only users that exist are cached: a lookup that finds nobody always asks again.
 * - **blocks** between a pair (keyed by the pair in uuid order): live `BLOCK_TTL_MS`.
 */
export const USER_TTL_MS = 60_000;

/**
 * How long an instance trusts what it read about a pair. A block or unblock is announced by the
 * database (a trigger on `blocks`), and every instance that listens to live delivery forgets the
 * pair at once; an instance that does not (the Lambda handler) goes on for at most this long on
 * what it read before.
 */
export const BLOCK_TTL_MS = 10_000;

export interface ApiCaches {
  members: LRUCache<string, Members>;
  pairs: LRUCache<string, string>;
  usersBySub: LRUCache<string, UserRef>;
  usersByHandle: LRUCache<string, UserRef>;
  blocks: LRUCache<string, BlocksBetween>;
  /** Forgets one user everywhere (their row changed or was deleted). */
  forgetUser(uuid: string): void;
}

export function createCaches(): ApiCaches {
  const usersBySub = new LRUCache<string, UserRef>({ max: 20_000, ttl: USER_TTL_MS });
  const usersByHandle = new LRUCache<string, UserRef>({ max: 20_000, ttl: USER_TTL_MS });
  const forgetIn = (cache: LRUCache<string, UserRef>, uuid: string) => {
    for (const [key, user] of cache.entries()) if (user.uuid === uuid) cache.delete(key);
  };
  return {
    members: new LRUCache({ max: 100_000 }),
    pairs: new LRUCache({ max: 100_000 }),
    usersBySub,
    usersByHandle,
    blocks: new LRUCache({ max: 50_000, ttl: BLOCK_TTL_MS }),
    forgetUser: (uuid) => {
      forgetIn(usersBySub, uuid);
      forgetIn(usersByHandle, uuid);
    },
  };
}

/** `cache.get(key)`, or `load()` remembered when it finds something. */
export async function cached<V extends NonNullable<unknown>>(
  cache: LRUCache<string, V>,
  key: string,
  load: () => Promise<V | null | undefined>,
): Promise<V | undefined> {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = await load();
  if (value !== null && value !== undefined) cache.set(key, value);
  return value ?? undefined;
}
