// @vitest-environment node
// Node's own fetch, as in a browser page: a DOM emulation's fetch would apply CORS rules to these
// calls to cognito-local that the real page (same origin, through the proxy) never meets.
import { freePort } from '@cruddur/devstack';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CognitoSettings } from './auth-store';
import { CognitoError, cognitoEndpoint, signInWithPassword } from './cognito-client';
import { createTestPool, PASSWORD } from '../testing/test-cognito';

let cognito: CognitoSettings;
let email: string;
beforeAll(async () => ({ cognito, email } = await createTestPool()));

describe('signInWithPassword', () => {
  it('returns an access token for this app client and its lifetime', async () => {
    const tokens = await signInWithPassword(cognito.endpoint, cognito.clientId, email, PASSWORD);
    const claims = decodeJwt(tokens.accessToken);
    expect(claims).toMatchObject({ token_use: 'access', client_id: cognito.clientId });
    expect(tokens.expiresInSeconds).toBe(claims.exp! - claims.iat!);
    expect(tokens.refreshToken).toEqual(expect.any(String));
  });

  it('explains a wrong password in words for people', async () => {
    const attempt = signInWithPassword(
      cognito.endpoint,
      cognito.clientId,
      email,
      'Wrong-password-1!',
    );
    await expect(attempt).rejects.toBeInstanceOf(CognitoError);
    await expect(attempt).rejects.toMatchObject({
      message: 'Incorrect email, handle or password.',
    });
  });

  it('says when the sign-in service cannot be reached', async () => {
    const closed = `http://localhost:${await freePort()}/`;
    await expect(
      signInWithPassword(closed, cognito.clientId, email, PASSWORD),
    ).rejects.toMatchObject({
      code: 'NetworkError',
    });
  });
});

describe('cognitoEndpoint', () => {
  it('uses Amazon Cognito in the API’s region when the API names no endpoint', () => {
    expect(
      cognitoEndpoint({ region: 'eu-west-2', cognitoEndpoint: null }, 'https://app.example'),
    ).toBe('https://cognito-idp.eu-west-2.amazonaws.com/');
  });

  it('goes through the web server’s /cognito proxy when the API uses a custom endpoint', () => {
    expect(
      cognitoEndpoint(
        { region: 'local', cognitoEndpoint: 'http://localhost:9229' },
        'http://localhost:5173',
      ),
    ).toBe('http://localhost:5173/cognito/');
  });
});
