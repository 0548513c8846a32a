import {
  ConditionalCheckFailedException,
  ResourceNotFoundException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { LimitExceededException } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { isNetworkError, isTransientError, TransientError } from './transient-error';

const meta = { $metadata: {} };
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'cancelled',
    CancellationReasons: codes.map((Code) => ({ Code })),
    ...meta,
  });

describe('isTransientError', () => {
  it('retries throttling, server faults, network failures and contention', () => {
    expect(isTransientError(new LimitExceededException({ message: 'slow down', ...meta }))).toBe(
      true,
    );
    expect(isTransientError(Object.assign(new Error('boom'), { $fault: 'server' }))).toBe(true);
    expect(
      isTransientError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isTransientError(
        new Error('fetch failed', {
          cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }),
        }),
      ),
    ).toBe(true);
    expect(isTransientError(cancelled('None', 'TransactionConflict'))).toBe(true);
  });

  it('does not retry for ever what will fail the same way again', () => {
    expect(
      isTransientError(new ConditionalCheckFailedException({ message: 'condition', ...meta })),
    ).toBe(false);
    expect(isTransientError(cancelled('ConditionalCheckFailed', 'None'))).toBe(false);
    expect(isTransientError(new ResourceNotFoundException({ message: 'no table', ...meta }))).toBe(
      false,
    );
    expect(
      isTransientError(new TypeError("Cannot read properties of undefined (reading 'S')")),
    ).toBe(false);
    expect(isTransientError('a string')).toBe(false);
  });
});

describe('isTransientError on PostgreSQL and our own errors', () => {
  it('treats a database that is down or restarting as temporary', () => {
    expect(isTransientError(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('no connection'), { code: '08006' }))).toBe(
      true,
    );
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isTransientError(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe(true);
  });

  it('trusts errors that declare themselves temporary, and nothing else', () => {
    class KeysUnavailable extends TransientError {}
    expect(isTransientError(new KeysUnavailable('keys'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
  });
});

describe('isNetworkError', () => {
  it('names only failures to reach an endpoint', () => {
    expect(
      isNetworkError(
        new Error('fetch failed', {
          cause: Object.assign(new Error('dns'), { code: 'ENOTFOUND' }),
        }),
      ),
    ).toBe(true);
    expect(isNetworkError(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))).toBe(
      false,
    );
  });
});
