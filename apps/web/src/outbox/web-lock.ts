import type { Lead } from './outbox';

/**
 * One tab of the browser leads (sends the outbox), through the Web Locks API: the lock passes to
 * another tab when the leader closes. Without the API (an old browser, a test DOM) every tab
 * leads; the message ids keep a message stored once all the same.
 */
export function webLockLead(name: string): Lead {
  return (onLead) => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) {
      onLead();
      return () => {};
    }
    const controller = new AbortController();
    let release: (() => void) | undefined;
    locks
      .request(name, { signal: controller.signal }, () => {
        onLead();
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => {
        // Aborted while waiting for the lock: this tab closed or signed out first.
      });
    return () => {
      controller.abort();
      release?.();
    };
  };
}
