import { listensOnLoopbackOnly } from '@cruddur/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../api-client';
import { describeFailure } from '../client-errors';
import { startRobustnessStack, type RobustnessStack } from '../robustness-stack';
import { rawRequest, rawStream, trickle } from './raw-http';

/** Lower than the defaults, so that each limit is reached in a few calls. */
const LIMITS = {
  API_MAX_BATCH_CALLS: '10',
  WRITE_RATE_LIMIT_PER_MINUTE: '20',
  LIVE_MAX_STREAMS_PER_USER: '3',
  API_REQUEST_TIMEOUT_MS: '2000',
  API_HEADERS_TIMEOUT_MS: '2000',
};

let rs: RobustnessStack;
beforeAll(async () => {
  rs = await startRobustnessStack({ apiEnv: LIMITS, instances: 2 });
});
afterAll(() => rs?.stop());

const apiPort = (url: string) => Number(new URL(url).port);

/** How many messages the conversation of `a` with handle `b` holds (0 when there is none). */
async function storedBetween(a: Awaited<ReturnType<RobustnessStack['signInAs']>>, b: string) {
  const { items } = await a.api.messageGroups.list.query({ limit: 100 });
  const group = items.find((g) => g.other.handle === b);
  if (!group) return 0;
  return (await a.api.messages.list.query({ messageGroupUuid: group.messageGroupUuid, limit: 100 }))
    .items.length;
}

describe('abuse limits (finding: no limits)', () => {
  it('refuses a batch over the limit before running any call of it', async () => {
    const mira = await rs.signInAs('mira');
    const before = await storedBetween(mira, 'tomas');
    const batch = (calls: number) => {
      const paths = Array.from({ length: calls }, () => 'messages.create').join(',');
      const body = Object.fromEntries(
        Array.from({ length: calls }, (_, i) => [i, { handle: 'tomas', message: `batched ${i}` }]),
      );
      return rawRequest(`${rs.stack.urls.api}/trpc/${paths}?batch=1`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${mira.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    };
    for (const calls of [11, 700, 1_500]) {
      const answer = await batch(calls);
      expect(answer.status, `a batch of ${calls}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `a batch of ${calls}`).toBeLessThan(500);
    }
    expect((await batch(11)).text).toMatch(/batch/i);
    expect(await storedBetween(mira, 'tomas')).toBe(before);

    const reads = Array.from({ length: 10 }, () => 'users.me').join(',');
    const allowed = await rawRequest(`${rs.stack.urls.api}/trpc/${reads}?batch=1`, {
      headers: { authorization: `Bearer ${mira.accessToken}` },
    });
    expect(allowed.status).toBe(200);
  });

  it('limits writes per person over every instance, with a hint of when to retry', async () => {
    const kenji = await rs.signInAs('kenji');
    const onSecond = apiClient(rs.stack.instances[1]!.api, kenji.accessToken);
    const { messageGroupUuid } = await kenji.api.messages.create.mutate({
      handle: 'zeynep',
      message: 'one',
    });
    for (let i = 2; i <= 20; i++) {
      const api = i % 2 === 0 ? onSecond : kenji.api;
      await api.messages.create.mutate({ messageGroupUuid, message: `message ${i}` });
    }
    for (const api of [kenji.api, onSecond]) {
      const refused = await api.messages.create
        .mutate({ messageGroupUuid, message: 'one too many' })
        .then(
          () => 'stored',
          (error: unknown) => error as { data?: { retryAfterMs?: number | null } },
        );
      expect(describeFailure(refused)).toMatch(/^429 TOO_MANY_REQUESTS: too many changes/);
      expect((refused as { data: { retryAfterMs: number } }).data.retryAfterMs).toBeGreaterThan(0);
    }
    const raw = await rawRequest(`${rs.stack.urls.api}/trpc/messages.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kenji.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messageGroupUuid, message: 'still too many' }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await storedBetween(kenji, 'zeynep')).toBe(20);

    // Typing has its own limit; reading is not a write; another person is not limited.
    await expect(kenji.api.live.typing.mutate({ messageGroupUuid })).resolves.toBeDefined();
    await expect(kenji.api.messages.list.query({ messageGroupUuid })).resolves.toBeDefined();
    const zeynep = await rs.signInAs('zeynep');
    await expect(
      zeynep.api.messages.create.mutate({ messageGroupUuid, message: 'my turn' }),
    ).resolves.toBeDefined();
  });

  it('caps the live streams one person holds open on an instance', async () => {
    const priya = await rs.signInAs('priya');
    const url = `${rs.stack.urls.api}/trpc/live.events?connectionParams=${encodeURIComponent(
      JSON.stringify({ token: priya.accessToken }),
    )}`;
    const open = Array.from({ length: 3 }, () => {
      const controller = new AbortController();
      const response = fetch(url, {
        headers: { accept: 'text/event-stream' },
        signal: controller.signal,
      });
      return { controller, response };
    });
    try {
      await Promise.all(open.map((s) => s.response));
      await expect
        .poll(async () => (await rawStream(url, { forMs: 2_000 })).text, { timeout: 10_000 })
        .toMatch(/at most 3 live streams[\s\S]*"TOO_MANY_REQUESTS"/);
    } finally {
      for (const s of open) s.controller.abort();
    }
  });

  it('closes a request whose headers or body trickle in (finding: 20 s and more)', async () => {
    const port = apiPort(rs.stack.urls.api);
    const body = await trickle(
      port,
      'POST /trpc/messages.create HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    expect(body.openMs).toBeLessThan(10_000);
    const headers = await trickle(
      port,
      'GET /trpc/users.me HTTP/1.1\r\nHost: localhost\r\nX-Slow: ',
    );
    expect(headers.openMs).toBeLessThan(10_000);
  });

  it('listens on loopback only: API instances and every local service (finding: *:<port>)', () => {
    const ports = [
      ...rs.stack.instances.map((i) => apiPort(i.api)),
      apiPort(rs.stack.urls.dynamodb),
      apiPort(rs.stack.urls.cognito),
      Number(new URL(rs.stack.urls.database).port),
    ];
    for (const port of ports) expect(listensOnLoopbackOnly(port), `port ${port}`).toBe(true);
  });
});
