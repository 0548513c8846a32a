import { microsOfMessageId } from '@cruddur/validators';
import type { Message, UserRef } from '../lib/api-types';
import {
  ATTEMPT_TIMEOUT_MS,
  judgeFailure,
  nextPhaseChange,
  nextToSend,
  phaseOf,
  prepareAttempt,
  type Failure,
  type OutboxEntry,
  type OutboxTarget,
  type SendPhase,
} from './outbox-queue';
import type { OutboxStore } from './outbox-store';

export interface SentMessage {
  messageGroupUuid: string;
  message: Message;
}

export interface OutboxItem {
  entry: OutboxEntry;
  phase: SendPhase;
}

/** Runs `onLead` once this tab is the one that sends (other tabs only show the queue); returns the release. */
export type Lead = (onLead: () => void) => () => void;

export interface OutboxOptions {
  store: OutboxStore;
  /** One attempt; `signal` aborts it when it takes too long or the message is discarded. */
  send: (entry: OutboxEntry, signal: AbortSignal) => Promise<SentMessage>;
  /** The server's copy of a sent message (shown in place of the pending one). */
  onSent: (sent: SentMessage, entry: OutboxEntry) => void;
  /** What a failed attempt said (code, message), and the words for a refusal. */
  failure: (error: unknown) => Failure;
  describe: (error: unknown) => string;
  /** A new message id: UUID version 7 on the server's clock, increasing. */
  newId: () => string;
  nowMicros: () => number;
  lead: Lead;
  /** Whether the browser thinks it is online; nothing is attempted while it does not. */
  online?: () => boolean;
  now?: () => number;
  random?: () => number;
  /** Another tab changing the stored outbox: `onChange` reloads it. */
  watch?: (onChange: () => void) => () => void;
}

/**
 * Messages written here until the server has them, kept in localStorage so that they survive a
 * reload. They go out one at a time in the order they were written, each with its own id, so a
 * retry — automatic or "Retry" — can never store a message twice: while the API cannot be
 * reached an attempt is repeated with backoff (and at once on `kick`: back online, the window
 * used again, the API answering something else), the same id every time. Only the API saying
 * that id never landed and is too old gives the message a new one. A refusal (a block, say) waits
 * for the person: "Retry" or "Discard". One tab of the browser sends (`lead`); the others show
 * the same queue and hand what they add to it through storage.
 */
export class Outbox {
  readonly #options: OutboxOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  readonly #sentListeners = new Set<(sent: SentMessage, entry: OutboxEntry) => void>();
  #entries: OutboxEntry[] = [];
  #snapshot: readonly OutboxItem[] = [];
  #leading = false;
  #inFlight: { key: string; controller: AbortController } | null = null;
  #failures = 0;
  /** No attempt before this (the API asked to wait), whatever kicks. */
  #notBefore = 0;
  #lastSentMicros = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #phaseTimer: ReturnType<typeof setTimeout> | undefined;
  #stop: (() => void)[] = [];
  #disposed = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#entries = options.store.load();
    this.#refresh();
    const { watch, lead } = options;
    if (watch) this.#stop.push(watch(() => this.#reload()));
    this.#stop.push(
      lead(() => {
        this.#leading = true;
        void this.#pump();
      }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): readonly OutboxItem[] => this.#snapshot;

  /** Calls `listener` with each message the server confirms (from this tab's sending). */
  onSent(listener: (sent: SentMessage, entry: OutboxEntry) => void): () => void {
    this.#sentListeners.add(listener);
    return () => this.#sentListeners.delete(listener);
  }

  add(to: OutboxTarget, text: string, sender: UserRef): OutboxEntry {
    const now = this.#now();
    const entry: OutboxEntry = {
      key: `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      messageUuid: this.#options.newId(),
      to,
      text,
      sender: { uuid: sender.uuid, handle: sender.handle, displayName: sender.displayName },
      writtenAt: now,
      since: now,
      tried: false,
      refused: null,
    };
    this.#write(entry);
    void this.#pump();
    return entry;
  }

  /** "Retry": at once, and "Sending…" again. */
  retry(key: string): void {
    const entry = this.#entries.find((e) => e.key === key);
    if (!entry) return;
    this.#write({ ...entry, since: this.#now(), refused: null });
    this.#failures = 0;
    this.kick();
  }

  /** "Discard": gone from the queue (an attempt under way is aborted; it may still have landed). */
  discard(key: string): void {
    if (this.#inFlight?.key === key) this.#inFlight.controller.abort();
    this.#entries = this.#entries.filter((e) => e.key !== key);
    this.#options.store.remove(key);
    this.#refresh();
  }

  /** Something suggests the API can be reached again: try now instead of waiting out the backoff. */
  kick(): void {
    if (this.#inFlight || this.#now() < this.#notBefore) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    void this.#pump();
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#phaseTimer);
    this.#inFlight?.controller.abort();
    for (const stop of this.#stop.splice(0)) stop();
    this.#listeners.clear();
    this.#sentListeners.clear();
  }

  async #pump(): Promise<void> {
    if (this.#disposed || !this.#leading || this.#inFlight || this.#retryTimer) return;
    if (this.#options.online && !this.#options.online()) return;
    const next = nextToSend(this.#entries);
    if (!next) return;
    const entry = prepareAttempt(next, {
      nowMicros: this.#options.nowMicros(),
      lastSentMicros: this.#lastSentMicros,
      newId: this.#options.newId,
    });
    this.#write(entry);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    this.#inFlight = { key: entry.key, controller };
    let outcome: { sent: SentMessage } | { error: unknown };
    try {
      outcome = { sent: await this.#options.send(entry, controller.signal) };
    } catch (error) {
      outcome = { error };
    } finally {
      clearTimeout(timeout);
      this.#inFlight = null;
    }
    if (this.#disposed) return;
    if ('sent' in outcome) this.#sent(outcome.sent, entry);
    else this.#failed(entry.key, outcome.error);
    void this.#pump();
  }

  #sent(sent: SentMessage, entry: OutboxEntry): void {
    this.#failures = 0;
    this.#lastSentMicros = Math.max(
      this.#lastSentMicros,
      microsOfMessageId(sent.message.messageUuid) ?? 0,
    );
    // Shown from the server's copy first, then taken out of the queue: never missing in between.
    // (Discarded while it was on its way, it was stored all the same.)
    this.#options.onSent(sent, entry);
    for (const listener of this.#sentListeners) listener(sent, entry);
    this.#entries = this.#entries.filter((e) => e.key !== entry.key);
    this.#options.store.remove(entry.key);
    this.#refresh();
  }

  #failed(key: string, error: unknown): void {
    const entry = this.#entries.find((e) => e.key === key);
    if (!entry) return;
    const verdict = judgeFailure(
      this.#options.failure(error),
      ++this.#failures,
      this.#options.random,
    );
    if (verdict.kind === 'new-id') {
      this.#failures = 0;
      this.#write({ ...entry, messageUuid: this.#options.newId(), tried: false });
    } else if (verdict.kind === 'refused') {
      this.#failures = 0;
      this.#write({ ...entry, refused: this.#options.describe(error) });
    } else {
      if (this.#failures > 1 || verdict.delayMs > 1_000)
        this.#notBefore = Math.max(this.#notBefore, this.#now() + verdict.delayMs / 2);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        void this.#pump();
      }, verdict.delayMs);
    }
  }

  #write(entry: OutboxEntry): void {
    const at = this.#entries.findIndex((e) => e.key === entry.key);
    this.#entries =
      at === -1 ? [...this.#entries, entry] : this.#entries.map((e, i) => (i === at ? entry : e));
    this.#options.store.put(entry);
    this.#refresh();
  }

  /** Another tab added, sent or discarded something. */
  #reload(): void {
    this.#entries = this.#options.store.load();
    this.#refresh();
    void this.#pump();
  }

  /** A new snapshot for the views, and a timer for the next "Still sending…" or "Not sent". */
  #refresh(): void {
    const now = this.#now();
    this.#snapshot = this.#entries.map((entry) => ({ entry, phase: phaseOf(entry, now) }));
    for (const listener of this.#listeners) listener();
    clearTimeout(this.#phaseTimer);
    const next = nextPhaseChange(this.#entries, now);
    if (next !== null && !this.#disposed)
      this.#phaseTimer = setTimeout(() => this.#refresh(), next - now);
  }
}
