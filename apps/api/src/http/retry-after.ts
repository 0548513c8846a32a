import { type TRPCError } from '@trpc/server';
import { retryAfterMs } from '../limits/write-limiter';

/** `Retry-After` (seconds) on a response refused for too many writes, as HTTP clients expect. */
export function retryAfterHeader(errors: readonly TRPCError[]): {
  headers?: Record<string, string>;
} {
  const wait = errors.map((e) => retryAfterMs(e.cause) ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return wait > 0 ? { headers: { 'retry-after': String(Math.ceil(wait / 1000)) } } : {};
}
