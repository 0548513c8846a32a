import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token';

describe('bearerToken', () => {
  it('reads the Authorization header, case-insensitively', () => {
    expect(bearerToken('Bearer abc.def.ghi', null)).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc', null)).toBe('abc');
  });

  it('falls back to the token connection parameter of SSE subscriptions', () => {
    expect(bearerToken(undefined, { token: 'from-params' })).toBe('from-params');
    expect(bearerToken('Bearer header', { token: 'from-params' })).toBe('header');
  });

  it('finds no token in other schemes or blank values', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz', null)).toBeNull();
    expect(bearerToken('Bearer ', { token: '  ' })).toBeNull();
    expect(bearerToken(undefined, null)).toBeNull();
  });
});
