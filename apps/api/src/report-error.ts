import { type TRPCError } from '@trpc/server';
import { type Logger } from './logger';

/**
 * Server-side detail for what the client sees only as an opaque 500 or 503; callers' mistakes
 * (4xx) are already in the request line.
 */
export function reportError(logger: Logger, error: TRPCError, path: string | undefined): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE') return;
  logger.error(
    { err: error.cause ?? error, procedure: path, code: error.code },
    `${path ?? 'request'} failed`,
  );
}
