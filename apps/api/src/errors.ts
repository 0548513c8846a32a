import {
  InvalidCursorError,
  InvalidInputError,
  MessageIdConflictError,
  NotMemberError,
  SelfMessageError,
} from '@cruddur/ddb';
import { NETWORK_ERROR_CODES } from '@cruddur/config';
import { TRPCError } from '@trpc/server';
import { JwksUnavailableError } from './auth/access-token';

export const NOT_A_MEMBER = 'message group not found or not yours';
export const TEMPORARILY_UNAVAILABLE =
  'the service is temporarily unavailable, please try again shortly';

// Network failures of pg, the AWS SDK and fetch, and PostgreSQL's "connection exception" /
// "operator intervention" classes: the data store is down or restarting, not the request wrong.
const UNAVAILABLE_CODES = new Set([...NETWORK_ERROR_CODES, '57P01', '57P02', '57P03']);
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'JwksUnavailableError',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

/** True when `error` (or anything in its cause chain) says a data store could not be reached. */
export function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08')))
      return true;
    if (
      UNAVAILABLE_NAMES.has(e.name) ||
      e instanceof JwksUnavailableError ||
      UNAVAILABLE_MESSAGES.test(e.message)
    )
      return true;
    if (e instanceof AggregateError && e.errors.some(isUnavailable)) return true;
  }
  return false;
}

/** The tRPC error a caller should see for a failure of the data layer. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) {
    if (error.code !== 'INTERNAL_SERVER_ERROR' || error.cause === undefined) return error;
    return toTRPCError(error.cause);
  }
  if (error instanceof InvalidCursorError) {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: 'cursor: not a cursor of this list (use the nextCursor of a previous page)',
      cause: error,
    });
  }
  // The API validates first; this is the data layer's own guard agreeing with it.
  if (error instanceof InvalidInputError)
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  if (error instanceof NotMemberError)
    return new TRPCError({ code: 'FORBIDDEN', message: NOT_A_MEMBER, cause: error });
  if (error instanceof SelfMessageError)
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: 'you cannot send a message to yourself',
      cause: error,
    });
  if (error instanceof MessageIdConflictError) {
    return new TRPCError({
      code: 'CONFLICT',
      message: 'messageUuid: this id already belongs to another message; generate a new one',
      cause: error,
    });
  }
  if (isUnavailable(error))
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: TEMPORARILY_UNAVAILABLE,
      cause: error,
    });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error', cause: error });
}
