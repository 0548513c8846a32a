import { type AppRouter } from '@cruddur/api';
import { TRPCClientError } from '@trpc/client';

/** What a failed call showed its caller, on one line: `503 SERVICE_UNAVAILABLE: <message>`. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return `not a tRPC error: ${String(error)}`;
  const e = error as TRPCClientError<AppRouter>;
  const body = JSON.stringify(e.shape ?? null);
  // A stack frame (`at fn (file.ts:1:2)`) or a Node error code means internals leaked out.
  const leak = /\bat .+:\d+:\d+|\bE[A-Z]{4,}\b|\.ts\b/.test(body) ? ' [leaks internals]' : '';
  return `${e.data?.httpStatus} ${e.data?.code}: ${e.message}${leak}`;
}

/** The answer a caller must get while a data store is down: retry later, in words, nothing more. */
export const UNAVAILABLE = /^503 SERVICE_UNAVAILABLE: [^\n]*temporarily unavailable[^\n[]*$/;
