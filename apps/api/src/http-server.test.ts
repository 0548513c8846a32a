import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer } from './http-server';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';
import { expectTRPCError } from './testing/expect-error';
import { MessageFeed } from './testing/subscription';
import { apiClient } from './testing/trpc-client';

let fx: ApiFixture;
let logged: Record<string, unknown>[];
let watched: ApiServer;

beforeAll(async () => {
  fx = await startApiFixture();
  logged = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logged.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  watched = await fx.startInstance(
    { WEB_ORIGIN: ['http://localhost:5173'] },
    { logger: pino({ level: 'info' }, sink) },
  );
});
afterAll(() => fx?.close());

describe('the HTTP server', () => {
  it('reports healthy stores on /healthz', async () => {
    const response = await fetch(`${fx.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      dynamodb: { ok: true },
      postgres: { ok: true },
      live: { ok: true, streams: 0 },
    });
  });

  it('reports an unreachable database and a missing table with 503', async () => {
    const broken = await fx.startInstance({
      DATABASE_URL: 'postgres://nobody:nothing@localhost:1/none',
      DDB_TABLE_NAME: 'no-such-table',
    });
    const response = await fetch(`${broken.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      ok: false,
      dynamodb: { ok: false, error: 'table no-such-table does not exist' },
      postgres: { ok: false, error: 'unreachable' },
      live: { ok: false, error: 'not listening to the pub/sub engine', streams: 0 },
    });
  });

  it('hides internal failures: no stack, no detail, and 503 for an unreachable store', async () => {
    const noTable = await fx.startInstance({ DDB_TABLE_NAME: 'no-such-table' });
    const error = await expectTRPCError(
      apiClient(noTable.url, fx.users.mira.accessToken).messageGroups.list.query(),
      'INTERNAL_SERVER_ERROR',
      /^internal error$/,
    );
    expect(JSON.stringify(error.shape)).not.toMatch(/ResourceNotFound|no-such-table|stack|at /);

    const noDb = await fx.startInstance({
      DATABASE_URL: 'postgres://nobody:nothing@localhost:1/none',
    });
    const down = await expectTRPCError(
      apiClient(noDb.url, fx.users.mira.accessToken).users.me.query(),
      'SERVICE_UNAVAILABLE',
      /temporarily unavailable/,
    );
    expect(down.data?.httpStatus).toBe(503);
    expect(JSON.stringify(down.shape)).not.toMatch(/ECONNREFUSED|localhost:1|SELECT/);
  });

  it('answers CORS only for the configured web origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${watched.url}/trpc/users.me`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const denied = await preflight('https://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await fetch(`${watched.url}/trpc/auth.config`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs one line per request with procedures, status, duration and caller', async () => {
    const api = apiClient(watched.url, fx.users.mira.accessToken);
    await api.users.me.query();
    await expectTRPCError(apiClient(watched.url).users.me.query(), 'UNAUTHORIZED');
    const requests = logged.filter(
      (line) => line.msg === 'request' && line.method === 'GET' && line.path === '/trpc/users.me',
    );
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        procedures: ['users.me'],
        status: 200,
        userUuid: fx.users.mira.uuid,
      }),
      expect.objectContaining({ method: 'GET', procedures: ['users.me'], status: 401 }),
    ]);
    expect(requests[1]).not.toHaveProperty('userUuid');
    expect(requests.map((line) => typeof line.durationMs)).toEqual(['number', 'number']);
    expect(JSON.stringify(logged)).not.toContain(fx.users.mira.accessToken);
  });

  it('answers unknown paths with 404', async () => {
    const response = await fetch(`${fx.url}/nothing-here`);
    expect(response.status).toBe(404);
  });

  it('closes gracefully: ends live streams, refuses new connections', async () => {
    const instance = await fx.startInstance();
    const { messageGroupUuid } = await fx
      .client(fx.users.mira)
      .messages.create.mutate({ handle: 'tomas', message: 'hi' });
    const live = new MessageFeed(apiClient(instance.url, fx.users.tomas.accessToken), {
      messageGroupUuid,
    });
    try {
      await live.waitFor('the subscription to start', () => live.started);
      await instance.close();
      await expect(fetch(`${instance.url}/healthz`)).rejects.toThrow();
    } finally {
      live.close();
    }
  });
});
