import { findUserByHandle } from '@cruddur/db';
import { membersOf, type UserRef } from '@cruddur/ddb';
import { cached } from './cache/caches';
import { type ApiServices } from './services';
import { toUserRef } from './user-ref';

/** Who has `handle` (normalized), from the instance's cache or PostgreSQL; undefined for nobody. */
export function userByHandle(services: ApiServices, handle: string): Promise<UserRef | undefined> {
  return cached(services.caches.usersByHandle, handle, async () => {
    const row = await findUserByHandle(services.pool, handle);
    return row && toUserRef(row);
  });
}

/** Both orders of two users name the same pair. */
export const pairKey = (a: string, b: string) => membersOf(a, b).join('#');
