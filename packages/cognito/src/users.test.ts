import { uniqueName } from '@cruddur/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapCognito } from './bootstrap';
import { createCognitoClient } from './client';
import { TEST_PASSWORD as PASSWORD, testCognito, testUsers } from './testing/test-pool';
import { startPagingProxy, type PagingProxy } from './testing/paging-proxy';
import { listAllUsers } from './users';

const { env, client } = testCognito();
const users = testUsers(130, uniqueName('many'));
let userPoolId: string;
let proxy: PagingProxy;

beforeAll(async () => {
  ({ userPoolId } = await bootstrapCognito({
    client,
    poolName: uniqueName('many'),
    users,
    password: PASSWORD,
  }));
  proxy = await startPagingProxy(env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!, 60);
});
afterAll(async () => {
  client.destroy();
  await proxy.close();
});

function expectEveryUserOnce(listed: Awaited<ReturnType<typeof listAllUsers>>) {
  expect(listed.map((u) => u.preferredUsername).sort()).toEqual(users.map((u) => u.handle).sort());
  expect(new Set(listed.map((u) => u.sub)).size).toBe(users.length);
}

describe('listAllUsers', () => {
  it('returns every user of a pool larger than one ListUsers page exactly once, with their attributes', async () => {
    const listed = await listAllUsers(client, userPoolId);
    expectEveryUserOnce(listed);
    expect(listed.find((u) => u.preferredUsername === users[0]!.handle)).toMatchObject({
      email: users[0]!.email,
      name: users[0]!.displayName,
    });
  });

  it('follows PaginationToken when the service pages its answer as Amazon Cognito does', async () => {
    const paged = createCognitoClient({
      ...env,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: proxy.endpoint,
    });
    try {
      expectEveryUserOnce(await listAllUsers(paged, userPoolId));
      expect(proxy.pages.ListUsers).toBe(3);
    } finally {
      paged.destroy();
    }
  });

  it('applies a ListUsers filter', async () => {
    const listed = await listAllUsers(
      client,
      userPoolId,
      `preferred_username = "${users[7]!.handle}"`,
    );
    expect(listed.map((u) => u.email)).toEqual([users[7]!.email]);
  });
});
