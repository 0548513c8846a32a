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
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
]);
// Why a transaction was cancelled, item by item: contention and throttling pass, a failed condition does not.
const TRANSIENT_CANCELLATIONS = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

interface ErrorLike {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $fault?: string;
  cause?: unknown;
  /** The SDK's TransactionCanceledException. */
  CancellationReasons?: { Code?: string }[];
  /** @cruddur/ddb's TransactionCancelledError. */
  reasons?: { Code?: string }[];
}

/**
 * Whether an error says "try again later" (throttling, a server fault, the network, contention)
 * rather than "this record cannot be processed". Transient failures are retried without limit,
 * since giving up on them would lose an update that is perfectly valid.
 */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  if (e.$retryable || e.$fault === 'server') return true;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (
    (e.CancellationReasons ?? e.reasons ?? []).some(
      (reason) => reason.Code && TRANSIENT_CANCELLATIONS.has(reason.Code),
    )
  )
    return true;
  return e.cause !== undefined && isTransientError(e.cause);
}
