import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token';

const query = { type: 'query', connectionParams: null };
const subscription = (token: string) => ({ type: 'subscription', connectionParams: { token } });

describe('bearerToken', () => {
  it('reads the Authorization header, case-insensitively', () => {
    expect(bearerToken('Bearer abc.def.ghi', query)).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc', query)).toBe('abc');
  });

  it('falls back to the token connection parameter of SSE subscriptions only', () => {
    expect(bearerToken(undefined, subscription('from-params'))).toBe('from-params');
    expect(bearerToken('Bearer header', subscription('from-params'))).toBe('header');
    for (const type of ['query', 'mutation', 'unknown'])
      expect(bearerToken(undefined, { type, connectionParams: { token: 'in-url' } })).toBeNull();
  });

  it('finds no token in other schemes or blank values', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz', query)).toBeNull();
    expect(bearerToken('Bearer ', subscription('  '))).toBeNull();
    expect(bearerToken(undefined, query)).toBeNull();
  });
});
