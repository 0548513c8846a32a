import {
  AdminGetUserCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { uniqueName } from '@cruddur/devstack';
import { PASSWORD_POLICY } from '@cruddur/validators';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapCognito } from './bootstrap';
import { createCognitoClient } from './client';
import { CognitoSetupError } from './errors';
import { TEST_PASSWORD as PASSWORD, testCognito, testUsers } from './testing/test-pool';
import { startPagingProxy } from './testing/paging-proxy';
import { listAllUsers } from './users';

const { env, client } = testCognito();
afterAll(() => client.destroy());

describe('bootstrapCognito', () => {
  it('creates the pool, an app client for password sign-in and confirmed users with their attributes', async () => {
    const poolName = uniqueName('pool');
    const users = testUsers(3, uniqueName('u'));
    const result = await bootstrapCognito({ client, poolName, users, password: PASSWORD });

    expect(result.createdUsers).toEqual(users.map((u) => u.handle));
    expect(result.existingUsers).toEqual([]);
    const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: result.userPoolId })))
      .UserPool;
    expect(pool?.Name).toBe(poolName);
    // Open to sign-up, with the password policy the sign-up form shows.
    expect(pool?.AdminCreateUserConfig?.AllowAdminCreateUserOnly).toBe(false);
    expect(pool?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: PASSWORD_POLICY.minLength,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    const appClient = (
      await client.send(
        new DescribeUserPoolClientCommand({
          UserPoolId: result.userPoolId,
          ClientId: result.clientId,
        }),
      )
    ).UserPoolClient;
    expect(appClient?.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    expect(appClient?.ClientSecret).toBeUndefined();

    const user = await client.send(
      new AdminGetUserCommand({ UserPoolId: result.userPoolId, Username: users[0]!.email }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(
      Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value])),
    ).toMatchObject({
      email: users[0]!.email,
      email_verified: 'true',
      preferred_username: users[0]!.handle,
      name: users[0]!.displayName,
    });
  });

  it('changes nothing when run again, returns the same ids and adds only new users', async () => {
    const poolName = uniqueName('pool');
    const users = testUsers(3, uniqueName('u'));
    const first = await bootstrapCognito({
      client,
      poolName,
      users: users.slice(0, 2),
      password: PASSWORD,
    });
    const before = await listAllUsers(client, first.userPoolId);

    const again = await bootstrapCognito({
      client,
      poolName,
      users: users.slice(0, 2),
      password: PASSWORD,
    });
    expect(again).toEqual({
      userPoolId: first.userPoolId,
      clientId: first.clientId,
      createdUsers: [],
      existingUsers: [users[0]!.handle, users[1]!.handle],
    });
    expect(await listAllUsers(client, first.userPoolId)).toEqual(before);

    const grown = await bootstrapCognito({ client, poolName, users, password: PASSWORD });
    expect(grown.createdUsers).toEqual([users[2]!.handle]);
    expect(await listAllUsers(client, first.userPoolId)).toHaveLength(3);
  });

  it('adds a second app client to the same pool under another name', async () => {
    const poolName = uniqueName('pool');
    const web = await bootstrapCognito({ client, poolName, users: [], password: PASSWORD });
    const other = await bootstrapCognito({
      client,
      poolName,
      clientName: 'other',
      users: [],
      password: PASSWORD,
    });
    expect(other.userPoolId).toBe(web.userPoolId);
    expect(other.clientId).not.toBe(web.clientId);
  });

  it('finds its pool and app client on later pages when the service pages its lists', async () => {
    const poolName = uniqueName('pool');
    await bootstrapCognito({
      client,
      poolName: uniqueName('other-pool'),
      users: [],
      password: PASSWORD,
    });
    const first = await bootstrapCognito({
      client,
      poolName,
      clientName: 'a',
      users: [],
      password: PASSWORD,
    });
    await bootstrapCognito({ client, poolName, clientName: 'b', users: [], password: PASSWORD });
    const proxy = await startPagingProxy(env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!, 1);
    const paged = createCognitoClient({
      ...env,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: proxy.endpoint,
    });
    try {
      const again = await bootstrapCognito({
        client: paged,
        poolName,
        clientName: 'b',
        users: [],
        password: PASSWORD,
      });
      const b = await bootstrapCognito({
        client,
        poolName,
        clientName: 'b',
        users: [],
        password: PASSWORD,
      });
      expect(again).toEqual(b);
      expect(again.userPoolId).toBe(first.userPoolId);
      expect(proxy.pages.ListUserPools).toBeGreaterThan(1);
      expect(proxy.pages.ListUserPoolClients).toBe(2);
    } finally {
      paged.destroy();
      await proxy.close();
    }
  });

  it('refuses to reuse an app client of that name that cannot do password sign-in', async () => {
    const poolName = uniqueName('pool');
    const { userPoolId } = await bootstrapCognito({
      client,
      poolName,
      users: [],
      password: PASSWORD,
    });
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'srp-only',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      }),
    );
    await expect(
      bootstrapCognito({ client, poolName, clientName: 'srp-only', users: [], password: PASSWORD }),
    ).rejects.toThrow(
      new CognitoSetupError(
        `app client "srp-only" (${created.UserPoolClient?.ClientId}) does not allow ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH`,
      ),
    );
  });
});
