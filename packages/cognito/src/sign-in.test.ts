import { cognitoIssuer } from '@cruddur/config';
import { uniqueName } from '@cruddur/devstack';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapCognito, type BootstrapResult } from './bootstrap';
import { SignInError } from './errors';
import { refreshTokens, signIn } from './sign-in';
import { TEST_PASSWORD as PASSWORD, testCognito, testUsers } from './testing/test-pool';
import { listAllUsers } from './users';

const { env, client } = testCognito();
const [mira] = testUsers(1, uniqueName('mira'));
let pool: BootstrapResult;

beforeAll(async () => {
  pool = await bootstrapCognito({
    client,
    poolName: uniqueName('signin'),
    users: [mira!],
    password: PASSWORD,
  });
});
afterAll(() => client.destroy());

describe('signIn', () => {
  async function expectAccessTokenOfMira(accessToken: string) {
    const [cognitoUser] = await listAllUsers(client, pool.userPoolId);
    expect(decodeProtectedHeader(accessToken).alg).toBe('RS256');
    expect(decodeJwt(accessToken)).toMatchObject({
      token_use: 'access',
      client_id: pool.clientId,
      sub: cognitoUser!.sub,
      iss: cognitoIssuer({ ...env, COGNITO_USER_POOL_ID: pool.userPoolId }),
    });
  }

  it('signs in with the email', async () => {
    const tokens = await signIn({
      client,
      clientId: pool.clientId,
      username: mira!.email,
      password: PASSWORD,
    });
    await expectAccessTokenOfMira(tokens.accessToken);
    expect(tokens.expiresIn).toBeGreaterThan(0);
    // cognito-local's id token carries the email but not preferred_username or name, so nothing may rely on those claims.
    expect(decodeJwt(tokens.idToken)).toMatchObject({ token_use: 'id', email: mira!.email });
  });

  it('signs in with the handle, with or without its @', async () => {
    for (const username of [mira!.handle, `@${mira!.handle}`]) {
      const tokens = await signIn({
        client,
        clientId: pool.clientId,
        userPoolId: pool.userPoolId,
        username,
        password: PASSWORD,
      });
      await expectAccessTokenOfMira(tokens.accessToken);
    }
  });

  it('refuses a wrong password with a typed error', async () => {
    const attempt = signIn({
      client,
      clientId: pool.clientId,
      username: mira!.email,
      password: 'Wrong-password-1!',
    });
    await expect(attempt).rejects.toBeInstanceOf(SignInError);
    await expect(attempt).rejects.toMatchObject({ code: 'NotAuthorizedException' });
  });

  it('refuses an unknown email, an unknown handle and something that is neither', async () => {
    const unknown = [
      { username: 'nobody@example.test', userPoolId: undefined },
      { username: 'nobody', userPoolId: pool.userPoolId },
      { username: 'not a handle!', userPoolId: pool.userPoolId },
    ];
    for (const { username, userPoolId } of unknown) {
      await expect(
        signIn({ client, clientId: pool.clientId, userPoolId, username, password: PASSWORD }),
      ).rejects.toBeInstanceOf(SignInError);
    }
  });

  it('needs the pool id to sign in with a handle', async () => {
    await expect(
      signIn({ client, clientId: pool.clientId, username: mira!.handle, password: PASSWORD }),
    ).rejects.toThrow(/needs userPoolId/);
  });
});

describe('refreshTokens', () => {
  it('returns new tokens for the same user and keeps the refresh token', async () => {
    const first = await signIn({
      client,
      clientId: pool.clientId,
      username: mira!.email,
      password: PASSWORD,
    });
    const refreshed = await refreshTokens({
      client,
      clientId: pool.clientId,
      refreshToken: first.refreshToken,
    });
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(decodeJwt(refreshed.accessToken).sub).toBe(decodeJwt(first.accessToken).sub);
  });

  it('refuses an unknown refresh token with a typed error', async () => {
    await expect(
      refreshTokens({ client, clientId: pool.clientId, refreshToken: 'not-a-refresh-token' }),
    ).rejects.toMatchObject({
      name: 'SignInError',
      code: 'NotAuthorizedException',
    });
  });
});
