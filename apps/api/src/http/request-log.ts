import { type Logger } from '../logger';

export interface RequestLogFields {
  method: string;
  /** The path only: an SSE request carries its token in the query string, which is never logged. */
  path: string;
  status: number;
  durationMs: number;
  userUuid?: string;
}

/** tRPC paths name their procedures: `/trpc/users.me,messages.list` (batched). */
export function proceduresOf(path: string, prefix: string): string[] | undefined {
  if (!path.startsWith(prefix)) return undefined;
  return decodeURIComponent(path.slice(prefix.length)).split(',').filter(Boolean);
}

/** One line per request, at a level that follows the outcome. */
export function logRequest(logger: Logger, fields: RequestLogFields, prefix = '/trpc/'): void {
  const line = {
    ...fields,
    durationMs: Math.round(fields.durationMs * 10) / 10,
    procedures: proceduresOf(fields.path, prefix),
  };
  const level = fields.status >= 500 ? 'error' : fields.status >= 400 ? 'warn' : 'info';
  logger[level](line, 'request');
}
