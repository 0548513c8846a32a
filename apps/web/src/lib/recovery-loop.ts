import { backoffMs } from './backoff';

/** Retries of what failed back off from 1 s to this while the API stays unreachable. */
export const RECOVERY_MAX_MS = 15_000;

export const recoveryDelayMs = (attempt: number, random?: () => number): number =>
  backoffMs(attempt, RECOVERY_MAX_MS, random);

export interface RecoveryLoopOptions {
  /** Whether something on screen failed in a way another try can fix. */
  failing: () => boolean;
  /** Tries it all again (the failed lists and threads). */
  retry: () => Promise<void>;
  random?: () => number;
}

/**
 * Keeps retrying what failed while the API is unreachable, backing off, until it answers: the
 * caller says when something failed (`failed`) and when the API may be back (`maybeBack`: the
 * browser online, the window used again, the live stream connected, another call answered),
 * which retries at once instead of waiting out the backoff.
 */
export class RecoveryLoop {
  readonly #options: RecoveryLoopOptions;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  constructor(options: RecoveryLoopOptions) {
    this.#options = options;
  }

  /** Something failed: try again after the next backoff step (unless already waiting). */
  failed(): void {
    if (this.#timer !== undefined || this.#running || !this.#options.failing()) return;
    const delay = recoveryDelayMs(this.#attempt++, this.#options.random);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, delay);
  }

  /** The API may answer again: try now. Nothing failing: the backoff starts over. */
  maybeBack(): void {
    if (!this.#options.failing()) {
      this.#attempt = 0;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#run();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      await this.#options.retry();
    } finally {
      this.#running = false;
    }
    if (this.#options.failing()) this.failed();
    else this.#attempt = 0;
  }
}
