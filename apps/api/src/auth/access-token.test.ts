import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAccessTokenVerifier,
  InvalidTokenError,
  JwksUnavailableError,
  type VerifyAccessToken,
} from './access-token';

const env = {
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://localhost:9',
  COGNITO_USER_POOL_ID: 'local_Pool1',
  COGNITO_CLIENT_ID: 'client1',
};
const issuer = 'http://localhost:9/local_Pool1';

let sign: (
  claims: JWTPayload,
  options?: { key?: CryptoKey; expiresIn?: string | number; issuer?: string },
) => Promise<string>;
let otherKey: CryptoKey;
let verify: VerifyAccessToken;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  verify = createAccessTokenVerifier(env, createLocalJWKSet({ keys: [jwk] }));
  sign = (claims, options = {}) =>
    new SignJWT({ token_use: 'access', client_id: 'client1', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer(options.issuer ?? issuer)
      .setSubject('user-sub-1')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? privateKey);
});

async function rejection(token: string): Promise<unknown> {
  return verify(token).then(
    () => new Error('accepted'),
    (error: unknown) => error,
  );
}

describe('createAccessTokenVerifier', () => {
  it('accepts a valid access token and returns its subject and expiry', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    await expect(verify(await sign({ username: 'mira' }, { expiresIn: exp }))).resolves.toEqual({
      sub: 'user-sub-1',
      username: 'mira',
      expiresAt: exp * 1000,
    });
  });

  it.each([
    [
      'an expired token',
      () => sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      'the token has expired',
    ],
    ['an id token', () => sign({ token_use: 'id' }), 'not an access token'],
    ['a token of another app client', () => sign({ client_id: 'client2' }), 'another app client'],
    [
      'a token of another issuer',
      () => sign({}, { issuer: 'http://localhost:9/local_Other' }),
      "token's iss claim",
    ],
    ['a token signed by another key', () => sign({}, { key: otherKey }), 'signature is not valid'],
    ['garbage', async () => 'not.a.jwt', 'malformed'],
    [
      'an unsigned token',
      async () => `${btoa('{"alg":"none"}')}.${btoa('{"sub":"x"}')}.`,
      'malformed',
    ],
  ])('rejects %s', async (_what, token, reason) => {
    const error = await rejection(await token());
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as InvalidTokenError).reason).toContain(reason);
  });

  it('reports an unreachable key set as an outage, not as a bad token', async () => {
    const server = createServer((_req, res) => res.writeHead(502).end());
    await new Promise<void>((resolve) => server.listen(0, resolve));
    try {
      const endpoint = `http://localhost:${(server.address() as AddressInfo).port}`;
      const remote = createAccessTokenVerifier({
        ...env,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
      });
      const token = await sign({});
      await expect(remote(token)).rejects.toBeInstanceOf(JwksUnavailableError);
    } finally {
      server.close();
    }
  });
});
