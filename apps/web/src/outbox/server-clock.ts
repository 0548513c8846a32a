import { parseTimestamp } from '../lib/time-format';

/**
 * This device's clock set by the server's. Message ids carry the time the server stores a
 * message at, and it refuses ids more than 5 s ahead of its own clock (or too far behind): a
 * device whose clock is off still makes ids the server takes. Set from `asOf` of a thread page,
 * the instant the server read it (a few milliseconds of network before it arrived).
 */
export class ServerClock {
  readonly #now: () => number;
  #offsetMs = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** A server timestamp that was true just now. */
  observe(serverTime: string): void {
    const at = parseTimestamp(serverTime).getTime();
    if (Number.isFinite(at)) this.#offsetMs = at - this.#now();
  }

  /** The server's time now, in microseconds since the epoch. */
  nowMicros(): number {
    return Math.floor((this.#now() + this.#offsetMs) * 1000);
  }
}

/** The freshest `asOf` of a thread's loaded pages (the page fetched last was read last). */
export function latestAsOf(data: unknown): string | null {
  const pages = (data as { pages?: { asOf?: unknown }[] } | undefined)?.pages ?? [];
  let latest: string | null = null;
  for (const page of pages)
    if (typeof page.asOf === 'string' && (latest === null || page.asOf > latest))
      latest = page.asOf;
  return latest;
}
