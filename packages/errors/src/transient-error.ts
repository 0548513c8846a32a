import { NETWORK_ERROR_CODES } from './network-errors';

/**
 * A failure that says "try again later" by construction (a dependency is down, keys cannot be
 * fetched). Code that knows it failed for such a reason throws a subclass, so the classifier
 * below need not know every package's error names.
 */
export class TransientError extends Error {
  readonly transient = true;
}

// The AWS SDK's names for throttling, server faults and contention.
const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'TimeoutError',
  'TransactionConflictException',
  'TransactionInProgressException',
]);
// Why a transaction was cancelled, item by item: contention and throttling pass, a failed
// condition does not.
const TRANSIENT_CANCELLATIONS = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);
// PostgreSQL's "operator intervention" codes (server shutting down or starting); class 08 is
// "connection exception".
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03']);
// pg reports a dropped or refused connection in messages, without a code.
const POSTGRES_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  transient?: unknown;
  $retryable?: unknown;
  $fault?: unknown;
  cause?: unknown;
  errors?: unknown;
  /** The SDK's TransactionCanceledException. */
  CancellationReasons?: { Code?: string }[];
  /** @cruddur/ddb's TransactionCancelledError. */
  reasons?: { Code?: string }[];
}

const MAX_DEPTH = 8;

/** True when `error` itself (not its causes) is a network failure. */
function isNetworkFailure(e: ErrorLike): boolean {
  return typeof e.code === 'string' && NETWORK_ERROR_CODES.has(e.code);
}

function isTransientHere(e: ErrorLike): boolean {
  if (e.transient === true || e.$retryable || e.$fault === 'server') return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  if (isNetworkFailure(e)) return true;
  if (typeof e.code === 'string' && (POSTGRES_UNAVAILABLE.has(e.code) || e.code.startsWith('08')))
    return true;
  if (typeof e.message === 'string' && POSTGRES_CONNECTION_MESSAGES.test(e.message)) return true;
  return (e.CancellationReasons ?? e.reasons ?? []).some(
    (reason) => reason.Code !== undefined && TRANSIENT_CANCELLATIONS.has(reason.Code),
  );
}

function search(error: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  const e = error as ErrorLike;
  if (test(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => search(inner, test, depth + 1)))
    return true;
  return search(e.cause, test, depth + 1);
}

/**
 * Whether `error` (or anything in its cause chain) says "try again later" — a store that cannot
 * be reached or is restarting, throttling, a server fault, contention — rather than "this request
 * cannot succeed". The API answers 503 on it, the stream worker retries it without limit.
 */
export function isTransientError(error: unknown): boolean {
  return search(error, isTransientHere);
}

/** Whether `error` (or its causes) is an endpoint that could not be reached: what a CLI reports as such. */
export function isNetworkError(error: unknown): boolean {
  return search(error, isNetworkFailure);
}
