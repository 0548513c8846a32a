import { EventEmitter } from 'node:events';

/**
 * In-process "a message was just stored in group X" notices. They only let a subscription on this
 * instance look at DynamoDB sooner; messages stored by other instances are found by polling.
 */
export class WakeSignal {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  notify(groupUuid: string): void {
    this.#emitter.emit(groupUuid);
  }

  /** Resolves after `ms`, on a notice for `groupUuid`, or when `signal` aborts, whichever comes first. */
  wait(groupUuid: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#emitter.off(groupUuid, done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#emitter.once(groupUuid, done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
