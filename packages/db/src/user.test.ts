import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaLoad } from './schema';
import { openTestDatabase, type TestDatabase } from './testing/test-database';
import {
  findUserByCognitoUserId,
  findUserByHandle,
  findUserByUuid,
  insertUsers,
  listUsers,
} from './user';

const PEOPLE = [
  ['mira', 'Mira Okafor'],
  ['tomas', 'Tomás Lindqvist'],
  ['priya', 'Priya Raman'],
  ['kenji', 'Kenji Watanabe'],
  ['zeynep', 'Zeynep Arslan'],
].map(([handle, displayName]) => ({
  handle: handle!,
  displayName: displayName!,
  email: `${handle}@cruddur.dev`,
  cognitoUserId: `MOCK-${handle}`,
}));

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await schemaLoad(db.pool);
  await insertUsers(db.pool, PEOPLE);
});
afterAll(() => db.close());

describe('finders', () => {
  it('find a user by handle, by Cognito user id and by uuid, all the same row', async () => {
    const mira = await findUserByHandle(db.pool, 'mira');
    expect(mira).toMatchObject({
      handle: 'mira',
      displayName: 'Mira Okafor',
      email: 'mira@cruddur.dev',
      cognitoUserId: 'MOCK-mira',
    });
    expect(mira?.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(mira?.createdAt).toBeInstanceOf(Date);
    expect(await findUserByCognitoUserId(db.pool, 'MOCK-mira')).toEqual(mira);
    expect(await findUserByUuid(db.pool, mira!.uuid)).toEqual(mira);
  });

  it('return undefined for unknown values, including ones that are not uuids or look like SQL', async () => {
    expect(await findUserByHandle(db.pool, 'nobody')).toBeUndefined();
    expect(await findUserByHandle(db.pool, "mira' OR '1'='1")).toBeUndefined();
    expect(await findUserByHandle(db.pool, 'MIRA')).toBeUndefined();
    expect(await findUserByCognitoUserId(db.pool, 'MOCK-nobody')).toBeUndefined();
    expect(await findUserByUuid(db.pool, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await findUserByUuid(db.pool, 'not-a-uuid')).toBeUndefined();
  });

  it('insert only the users whose handle is free, and say which', async () => {
    const again = await insertUsers(db.pool, [
      { ...PEOPLE[0]!, displayName: 'Someone Else' },
      { handle: 'ayla', displayName: 'Ayla', email: 'ayla@cruddur.dev', cognitoUserId: null },
    ]);
    expect(again).toEqual({ inserted: ['ayla'], existing: ['mira'] });
    expect((await findUserByHandle(db.pool, 'mira'))?.displayName).toBe('Mira Okafor');
    await db.pool.query("DELETE FROM users WHERE handle = 'ayla'");
  });

  it('list every user in handle order', async () => {
    expect((await listUsers(db.pool)).map((u) => u.handle)).toEqual([
      'kenji',
      'mira',
      'priya',
      'tomas',
      'zeynep',
    ]);
  });
});
