import { type IncomingMessage, type ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'authorization, content-type, trpc-accept, x-trpc-source, last-event-id';

/**
 * CORS for the configured web origins only. Returns true when the request was a preflight and has
 * been answered. Credentials are bearer tokens, never cookies, so no Allow-Credentials.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.includes(origin);
  res.setHeader('Vary', 'Origin');
  if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
    });
  } else {
    res.writeHead(403, { 'Content-Type': 'text/plain' });
  }
  res.end(allowed ? undefined : 'origin not allowed\n');
  return true;
}
