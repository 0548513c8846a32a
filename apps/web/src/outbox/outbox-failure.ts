import { TRPCClientError } from '@trpc/client';
import type { Failure } from './outbox-queue';

/**
 * What a failed send said, for the outbox's rules: the tRPC code when the API answered (none
 * when it was never reached: network down, a proxy answering for a stopped server, a timeout).
 */
export function failureOf(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TRPCClientError)) return { message };
  const data = error.data as { code?: string; retryAfterMs?: number | null } | undefined;
  return { code: data?.code, message, retryAfterMs: data?.retryAfterMs ?? null };
}
