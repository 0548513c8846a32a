import {
  InvalidCursorError,
  InvalidInputError,
  MessageDeletedError,
  MessageIdConflictError,
  MessageNotFoundError,
  NotMemberError,
  NotSenderError,
  SelfMessageError,
  StaleMessageIdError,
} from '@cruddur/ddb';
import { isTransientError } from '@cruddur/errors';
import { TRPCError } from '@trpc/server';
import { TooManyWritesError } from './limits/write-limiter';

export const NOT_A_MEMBER = 'message group not found or not yours';
export const TEMPORARILY_UNAVAILABLE =
  'the service is temporarily unavailable, please try again shortly';

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
  if (error instanceof MessageNotFoundError)
    return new TRPCError({
      code: 'NOT_FOUND',
      message: 'messageUuid: this conversation has no such message',
      cause: error,
    });
  if (error instanceof NotSenderError)
    return new TRPCError({
      code: 'FORBIDDEN',
      message: 'you can only change messages you sent',
      cause: error,
    });
  if (error instanceof MessageDeletedError)
    return new TRPCError({
      code: 'CONFLICT',
      message: 'this message was deleted: it can no longer be edited or reacted to',
      cause: error,
    });
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
  if (error instanceof StaleMessageIdError) {
    return new TRPCError({
      code: 'CONFLICT',
      message:
        'messageUuid: this id is too old for a new message and no message carries it; make a new id and send again',
      cause: error,
    });
  }
  if (error instanceof TooManyWritesError)
    return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
  if (isTransientError(error))
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: TEMPORARILY_UNAVAILABLE,
      cause: error,
    });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error', cause: error });
}
