import { TRPCClientError } from '@trpc/client';

export type ApiErrorKind =
  'unreachable' | 'unauthorized' | 'forbidden' | 'not-found' | 'invalid' | 'conflict' | 'server';

interface ErrorData {
  code?: string;
}

/**
 * Sorts a failed call by what the user can do about it. An error without tRPC data never reached
 * the API (network down, proxy answering for a stopped server); a 503 is the API saying its
 * databases are unreachable — to the user both mean "try again shortly".
 */
export function apiErrorKind(error: unknown): ApiErrorKind {
  if (!(error instanceof TRPCClientError)) return 'unreachable';
  const data = error.data as ErrorData | undefined;
  if (!data?.code) return 'unreachable';
  switch (data.code) {
    case 'UNAUTHORIZED':
      return 'unauthorized';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'not-found';
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'UNPROCESSABLE_CONTENT':
      return 'invalid';
    case 'CONFLICT':
      return 'conflict';
    case 'SERVICE_UNAVAILABLE':
    case 'BAD_GATEWAY':
    case 'GATEWAY_TIMEOUT':
      return 'unreachable';
    default:
      return 'server';
  }
}

/** One sentence for an error banner. The server's own message is used where it speaks to the user. */
export function describeApiError(error: unknown): string {
  switch (apiErrorKind(error)) {
    case 'unreachable':
      return 'Cannot reach the server right now. Check your connection and try again.';
    case 'unauthorized':
      return 'Your session has ended. Please sign in again.';
    case 'forbidden':
      // A block is a refusal the person should read as the server words it (users.block).
      return /\bblocked\b/.test((error as Error).message)
        ? sentence((error as Error).message)
        : 'Conversation not found or not yours.';
    case 'not-found':
    case 'invalid':
    case 'conflict':
      return (error as Error).message;
    case 'server':
      return 'Something went wrong on our side. Please try again.';
  }
}

/** Worth retrying automatically: only failures that another attempt can fix. */
export function isTransient(error: unknown): boolean {
  return apiErrorKind(error) === 'unreachable';
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
