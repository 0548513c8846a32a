import { LRUCache } from 'lru-cache';

/**
 * An entry stays at most this long even when no event says it changed: the safety net for an
 * announcement that never came (a stream worker started without DATABASE_URL, a lost NOTIFY).
 */
export const FRESH_TTL_MS = 10_000;

/**
 * A read this soon after a change may not show it yet (DynamoDB's eventually consistent reads
 * converge within about a second): it is answered but not kept.
 */
export const SETTLE_MS = 1_000;

/**
 * Answers kept on an instance that listens to live delivery, where every change of what they
 * show is announced: an entry is dropped the moment its key is announced as changed, so the same
 * read made again and again without changes costs no DynamoDB call. A load that overlaps a
 * change, or follows one too closely, is not kept. `variant` tells apart answers of one key
 * (the page size of a list, say).
 */
export class FreshCache<V extends NonNullable<unknown>> {
  readonly #entries = new LRUCache<string, Map<string | number, V>>({
    max: 20_000,
    ttl: FRESH_TTL_MS,
  });
  /** When each key last changed (performance.now()). */
  readonly #changed = new LRUCache<string, number>({ max: 100_000, ttl: FRESH_TTL_MS });
  /** When everything was last dropped. */
  #cleared = -Infinity;

  async get(key: string, variant: string | number, load: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key)?.get(variant);
    if (hit !== undefined) return hit;
    const started = performance.now();
    const changedBefore = this.#lastChange(key);
    const value = await load();
    if (started - changedBefore >= SETTLE_MS && this.#lastChange(key) === changedBefore) {
      const variants = this.#entries.get(key) ?? new Map<string | number, V>();
      variants.set(variant, value);
      this.#entries.set(key, variants);
    }
    return value;
  }

  /** What `key` shows changed (or may have). */
  forget(key: string): void {
    this.#changed.set(key, performance.now());
    this.#entries.delete(key);
  }

  /** Announcements may have been missed: nothing kept can be trusted. */
  clear(): void {
    this.#cleared = performance.now();
    this.#entries.clear();
  }

  #lastChange(key: string): number {
    return Math.max(this.#changed.get(key) ?? -Infinity, this.#cleared);
  }
}
