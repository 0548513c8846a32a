import { eventKey, type LiveEvent } from '@cruddur/live';
import { LRUCache } from 'lru-cache';

/** How many event keys a stream remembers to skip what it already delivered. */
const REMEMBERED_KEYS = 2_000;

export interface LiveStreamOptions {
  /** Events queued and not yet taken beyond this end the stream: the client is too slow. */
  maxQueued: number;
  /** Only events this accepts are queued (a single conversation's messages, say). */
  accept?: (event: LiveEvent) => boolean;
  /** Called once when the stream ends, however it ends. */
  onEnd?: () => void;
}

/** Why a stream ended, for the procedure to turn into the error its client sees. */
export type EndReason =
  | { kind: 'slow' }
  | { kind: 'expired' }
  | { kind: 'revoked'; status: string }
  | { kind: 'reconnect'; why: string }
  | { kind: 'closed' };

/**
 * One open live subscription: a bounded queue filled by the hub and drained by the procedure's
 * generator. Each event is delivered at most once per stream (by its key: the same message
 * published by the API and again by the stream worker arrives once).
 */
export class LiveStream {
  readonly #queue: LiveEvent[] = [];
  readonly #delivered = new LRUCache<string, true>({ max: REMEMBERED_KEYS });
  #wake: (() => void) | null = null;
  #ended: EndReason | null = null;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly userUuid: string,
    private readonly options: LiveStreamOptions,
  ) {}

  push(event: LiveEvent): void {
    if (this.#ended || (this.options.accept && !this.options.accept(event))) return;
    if (this.#queue.length >= this.options.maxQueued) return this.end({ kind: 'slow' });
    this.#queue.push(event);
    this.#wake?.();
  }

  /** Records an event delivered outside the queue (a replay); false when it was delivered already. */
  markDelivered(event: LiveEvent): boolean {
    const key = eventKey(event);
    if (key === null) return true;
    if (this.#delivered.has(key)) return false;
    this.#delivered.set(key, true);
    return true;
  }

  /** Ends the stream at `at` (epoch ms), for `reason`, unless it ends before. */
  endAt(at: number, reason: EndReason): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.end(reason), Math.max(0, at - Date.now()));
  }

  end(reason: EndReason): void {
    if (this.#ended) return;
    this.#ended = reason;
    clearTimeout(this.#timer);
    this.#wake?.();
    this.options.onEnd?.();
  }

  /** The queued events as they come, skipping those already delivered, until the stream ends. */
  async *events(signal: AbortSignal): AsyncGenerator<LiveEvent, EndReason> {
    const onAbort = () => this.end({ kind: 'closed' });
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        if (this.#ended) return this.#ended;
        const event = this.#queue.shift();
        if (event) {
          if (this.markDelivered(event)) yield event;
          continue;
        }
        await new Promise<void>((resolve) => (this.#wake = resolve));
        this.#wake = null;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.end({ kind: 'closed' });
    }
  }
}
