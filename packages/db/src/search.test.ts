import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaLoad } from './schema';
import { searchUsers } from './search';
import { openTestDatabase, type TestDatabase } from './testing/test-database';
import { findUserByHandle, insertUsers } from './user';

const PEOPLE = [
  ['mira', 'Mira Okafor'],
  ['tomas', 'Tomás Lindqvist'],
  ['tomasz', 'Tomasz Nowak'],
  ['lina', 'Lina Åberg'],
  ['ana_b', 'Ana Beatriz'],
  ['anab', 'Anab Idris'],
  ['zoe', 'Zoë 100% Real'],
].map(([handle, displayName]) => ({
  handle: handle!,
  displayName: displayName!,
  email: `${handle}@example.test`,
  cognitoUserId: null,
}));

let db: TestDatabase;
let me: string;
beforeAll(async () => {
  db = await openTestDatabase();
  await schemaLoad(db.pool);
  await insertUsers(db.pool, PEOPLE);
  me = (await findUserByHandle(db.pool, 'mira'))!.uuid;
});
afterAll(() => db.close());

const handles = async (query: string, limit = 20, excludeUuid = me) =>
  (await searchUsers(db.pool, { query, excludeUuid, limit })).map((p) => p.handle);

describe('searchUsers', () => {
  it('matches handle prefixes, exact handle first', async () => {
    expect(await handles('tomas')).toEqual(['tomas', 'tomasz']);
    expect(await handles('tom')).toEqual(['tomas', 'tomasz']);
  });

  it('ignores case and accents on both sides', async () => {
    expect(await handles('TOMÁS')).toEqual(['tomas', 'tomasz']);
    expect(await handles('åBERG')).toEqual(['lina']);
    expect(await handles('aberg')).toEqual(['lina']);
    expect(await handles('zoe')).toEqual(['zoe']);
  });

  it('matches the start of any word of the display name, not the middle of one', async () => {
    expect(await handles('lind')).toEqual(['tomas']);
    expect(await handles('indqvist')).toEqual([]);
    expect(await handles('Ana Be')).toEqual(['ana_b']);
  });

  it('treats LIKE wildcards as the characters they are', async () => {
    expect(await handles('ana_')).toEqual(['ana_b']);
    expect(await handles('100%')).toEqual(['zoe']);
    expect(await handles('%')).toEqual([]);
  });

  it('never returns the searcher and honours the limit', async () => {
    expect(await handles('mira')).toEqual([]);
    const other = (await findUserByHandle(db.pool, 'tomasz'))!.uuid;
    expect(await handles('mira', 20, other)).toEqual(['mira']);
    expect(await handles('t', 1)).toEqual(['tomas']);
  });

  it('can be answered from the two indexes (README, "Finding people")', async () => {
    const client = await db.pool.connect();
    try {
      // With sequential scans priced out, the plan shows what the indexes can serve.
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT uuid FROM users
          WHERE handle LIKE 'lin%' OR cruddur_fold(display_name) LIKE 'lin%'
             OR cruddur_fold(display_name) LIKE '% lin%'`,
      );
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('users_handle_prefix');
      expect(plan).toContain('users_display_name_search');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
