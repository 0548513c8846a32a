import { type Pool } from '@cruddur/db';
import { type DdbContext } from '@cruddur/ddb';
import { performance } from 'node:perf_hooks';
import { type BackendCall } from './call-timeline';

/**
 * Collects the backend calls made while one piece of work runs. The benchmark sends one request
 * at a time while recording, so every call seen belongs to that request.
 */
export class CallRecorder {
  private calls: BackendCall[] | undefined;

  async during(work: () => Promise<unknown>): Promise<BackendCall[]> {
    if (this.calls) throw new Error('CallRecorder: one recording at a time');
    const calls: BackendCall[] = [];
    this.calls = calls;
    try {
      await work();
    } finally {
      this.calls = undefined;
    }
    return calls;
  }

  async track<T>(
    service: BackendCall['service'],
    name: string,
    call: () => Promise<T>,
  ): Promise<T> {
    const calls = this.calls;
    if (!calls) return call();
    const start = performance.now();
    try {
      return await call();
    } finally {
      calls.push({ service, name, start, end: performance.now() });
    }
  }
}

/**
 * Counts DynamoDB round trips through SDK middleware. It sits after the retry middleware, so each
 * HTTP attempt counts, and names the operation from the wire (`X-Amz-Target`) because the
 * document client's command names (`GetCommand`) differ from DynamoDB's (`GetItem`).
 */
export function recordDynamoDbCalls(client: DdbContext['client'], recorder: CallRecorder): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      const target = headers['x-amz-target']?.split('.').at(-1);
      return recorder.track('dynamodb', target ?? context.commandName ?? 'unknown', () =>
        next(args),
      );
    },
    { step: 'finalizeRequest', priority: 'low', name: 'benchRoundTripCounter' },
  );
}

/**
 * Counts PostgreSQL queries by wrapping `pool.query`, the only way the API's request paths reach
 * PostgreSQL (`@cruddur/db`'s lookups take a pool and use promise-style queries).
 */
export function recordPostgresQueries(pool: Pool, recorder: CallRecorder): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const counted = (...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string }).text ?? '');
    return recorder.track(postgresService(text), sqlName(text), () => query(...args));
  };
  pool.query = counted as typeof pool.query;
}

/** Which use of PostgreSQL a statement is: the users table, a live NOTIFY, or the write limit. */
export function postgresService(sql: string): BackendCall['service'] {
  if (/pg_notify/i.test(sql)) return 'notify';
  if (/api_write_limits/i.test(sql)) return 'limit';
  return 'postgres';
}

/** `SELECT uuid, … FROM users WHERE handle = $1` → `SELECT users (handle)`. */
export function sqlName(sql: string): string {
  if (/pg_notify/i.test(sql)) return 'NOTIFY';
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:FROM|INTO|UPDATE)\s+([\w."]+)/i.exec(sql)?.[1];
  const key = /\bWHERE\s+([\w."]+)/i.exec(sql)?.[1];
  return [verb, table, key && `(${key})`].filter(Boolean).join(' ');
}
