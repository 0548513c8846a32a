/**
 * What the app keeps in localStorage for a signed-in person besides the session: drafts and
 * messages not sent yet. Keys name their owner (the Cognito `sub`, known offline too), so
 * someone else signing in on this browser never sees them; a deliberate sign-out removes them
 * all.
 */
const PREFIXES = { draft: 'cruddur.draft.', outbox: 'cruddur.outbox.' } as const;

export type UserStorageKind = keyof typeof PREFIXES;

/** The key of one item (`name`) of `owner`'s drafts or outbox; `name` may be '' for a prefix. */
export function userStorageKey(kind: UserStorageKind, owner: string, name: string): string {
  return `${PREFIXES[kind]}${owner}.${name}`;
}

/** The keys in `storage` that start with `prefix`. */
export function keysWith(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Forgets every person's drafts and unsent messages kept here (on a deliberate sign-out). */
export function clearUserStorage(storage: Storage): void {
  for (const prefix of Object.values(PREFIXES))
    for (const key of keysWith(storage, prefix)) storage.removeItem(key);
}
