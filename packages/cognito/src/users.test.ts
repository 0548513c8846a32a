import { uniqueName } from '@cruddur/devstack';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapCognito } from './bootstrap';
import { PASSWORD, testCognito, testUsers } from './test/cognito-env';
import { listAllUsers } from './users';

const { client } = testCognito();
afterAll(() => client.destroy());

describe('listAllUsers', () => {
  it('returns every user of a pool larger than one ListUsers page exactly once', async () => {
    const users = testUsers(130, uniqueName('many'));
    const { userPoolId, createdUsers } = await bootstrapCognito({ client, poolName: uniqueName('many'), users, password: PASSWORD });
    expect(createdUsers).toHaveLength(130);

    const listed = await listAllUsers(client, userPoolId);
    expect(listed.map((u) => u.preferredUsername).sort()).toEqual(users.map((u) => u.handle).sort());
    expect(new Set(listed.map((u) => u.sub)).size).toBe(130);
    const first = listed.find((u) => u.preferredUsername === users[0]!.handle);
    expect(first).toMatchObject({ email: users[0]!.email, name: users[0]!.displayName });
  });
});
