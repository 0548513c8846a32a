/**
 * Node's error codes for an endpoint that cannot be reached or dropped the connection: pg, the
 * AWS SDK and fetch all surface them. The API answers 503 on them and the CLIs say "cannot reach",
 * so a wrong or stopped endpoint from this package's variables reads the same everywhere.
 */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
