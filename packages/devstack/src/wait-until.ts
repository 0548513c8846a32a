/**
 * Polls `probe` until it resolves truthy: services are awaited by asking them, never by sleeping a
 * guessed amount. `alive` lets the caller give up at once when the process being awaited has died.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  {
    timeoutMs = 60_000,
    intervalMs = 100,
    alive = () => true,
  }: { timeoutMs?: number; intervalMs?: number; alive?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${what} exited before it became ready`);
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`${what} was not ready after ${timeoutMs} ms${detail}`);
}
