import { createPool, insertUsers } from '@cruddur/db';
import { PEOPLE_SEARCH_LIMIT } from '@cruddur/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';
import { expectTRPCError } from '../testing/expect-error';
import { rawCall } from '../testing/raw-call';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await startApiFixture();
});
afterAll(() => fx?.close());

const search = (query: string, limit?: number) =>
  fx
    .client(fx.users.mira)
    .users.search.query({ query, limit })
    .then((page) => page.items.map((p) => p.handle));

describe('users.search', () => {
  it('finds people by the start of their handle, name or a word of their name', async () => {
    expect(await search('tom')).toEqual(['tomas']);
    expect(await search('Raman')).toEqual(['priya']);
    expect(await search('@ken')).toEqual(['kenji']);
    const [tomas] = (await fx.client(fx.users.mira).users.search.query({ query: 'lind' })).items;
    expect(tomas).toEqual({
      uuid: fx.users.tomas.uuid,
      handle: 'tomas',
      displayName: 'Tomás Lindqvist',
    });
  });

  it('ignores case and accents', async () => {
    expect(await search('TOMÁS')).toEqual(['tomas']);
    expect(await search('tomás')).toEqual(['tomas']);
    expect(await search('ZEYNEP ARS')).toEqual(['zeynep']);
  });

  it('never lists the person searching', async () => {
    expect(await search('mira')).toEqual([]);
    const found = await fx.client(fx.users.tomas).users.search.query({ query: 'mira' });
    expect(found.items.map((p) => p.handle)).toEqual(['mira']);
  });

  it('returns at most `limit` people (8 unless asked)', async () => {
    const pool = createPool(fx.config.DATABASE_URL);
    try {
      await insertUsers(
        pool,
        Array.from({ length: 12 }, (_, i) => ({
          handle: `many_${String(i).padStart(2, '0')}`,
          displayName: `Many ${i}`,
          email: `many${i}@example.test`,
          cognitoUserId: null,
        })),
      );
    } finally {
      await pool.end();
    }
    expect(await search('many')).toHaveLength(PEOPLE_SEARCH_LIMIT.default);
    expect(await search('many', 3)).toEqual(['many_00', 'many_01', 'many_02']);
    expect(await search('many', 20)).toHaveLength(12);
  });

  it('needs a signed-in caller', async () => {
    await expectTRPCError(fx.client().users.search.query({ query: 'mira' }), 'UNAUTHORIZED');
  });

  it.each([
    ['a NUL character', { query: 'mi\u0000ra' }, 'query', 'must not contain control characters'],
    ['a line break', { query: 'mi\nra' }, 'query', 'must not contain control characters'],
    ['an escape sequence', { query: '\u001b[31m' }, 'query', 'must not contain control characters'],
    ['a blank query', { query: '   ' }, 'query', 'must not be blank'],
    ['101 characters', { query: 'x'.repeat(101) }, 'query', 'must be at most 100 characters'],
    ['a query that is not text', { query: 42 }, 'query', 'must be text'],
    ['a limit of 0', { query: 'mi', limit: 0 }, 'limit', 'must be at least 1'],
    ['a fractional limit', { query: 'mi', limit: 1.5 }, 'limit', 'must be a whole number'],
    ['a limit of 21', { query: 'mi', limit: 21 }, 'limit', 'must be at most 20'],
    ['an unknown field', { query: 'mi', everyone: true }, undefined, 'everyone'],
  ])('refuses %s with a typed 400', async (_what, input, field, says) => {
    const response = await rawCall(fx.url, 'users.search', {
      input,
      token: fx.users.mira.accessToken,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.data.code).toBe('BAD_REQUEST');
    expect(response.body.error?.message).toContain(says);
    if (field)
      expect(response.body.error?.data.zodError?.fieldErrors[field]?.join()).toContain(says);
  });
});

describe('users.signInName', () => {
  it('gives the Cognito username of a handle, without the email, to anyone', async () => {
    const { username } = await fx.client().users.signInName.query({ handle: '@Mira' });
    expect(username).toBe(fx.users.mira.sub);
    expect(JSON.stringify(username)).not.toContain('@');
  });

  it('is NOT_FOUND for a handle nobody has, and BAD_REQUEST for one nobody could have', async () => {
    await expectTRPCError(
      fx.client().users.signInName.query({ handle: 'nobody_here' }),
      'NOT_FOUND',
    );
    const response = await rawCall(fx.url, 'users.signInName', { input: { handle: 'mi\u0000ra' } });
    expect(response.status).toBe(400);
  });
});
