import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeFailure, UNAVAILABLE } from './client-errors';

// The error bodies a tRPC server sends, as the client receives them.
const received = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message, code: -32603, data } });

describe('describeFailure', () => {
  it('accepts a readable 503 and nothing else as "unavailable"', () => {
    const ok = received('the service is temporarily unavailable, please try again shortly', {
      code: 'SERVICE_UNAVAILABLE',
      httpStatus: 503,
      path: 'messages.create',
    });
    expect(describeFailure(ok)).toMatch(UNAVAILABLE);
    const internal = received('internal error', { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 });
    expect(describeFailure(internal)).not.toMatch(UNAVAILABLE);
    expect(describeFailure(new Error('fetch failed'))).not.toMatch(UNAVAILABLE);
  });

  it('flags a stack trace or a driver error code in the body', () => {
    const base = { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 };
    const message = 'the service is temporarily unavailable, please try again shortly';
    const withStack = received(message, {
      ...base,
      stack: 'Error: boom\n    at query (/app/src/db.ts:12:7)',
    });
    const withCode = received(`${message}: connect ECONNREFUSED 127.0.0.1:5432`, base);
    for (const leaking of [withStack, withCode]) {
      expect(describeFailure(leaking)).toMatch(/\[leaks internals\]$/);
      expect(describeFailure(leaking)).not.toMatch(UNAVAILABLE);
    }
  });
});
