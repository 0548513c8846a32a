import { cognitoIssuer, type CognitoEnv } from '@cruddur/config';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose';

export interface TokenMinter {
  /** The key set to start an instance with (`accessTokenKeys`), so that it trusts these tokens. */
  keys: JWTVerifyGetKey;
  /** An access token for Cognito user `sub` that expires at `expiresAt` (epoch seconds). */
  mint(sub: string, options: { expiresAt: number; key?: CryptoKey }): Promise<string>;
  /** The same token signed by a key nobody trusts. */
  forge(sub: string): Promise<string>;
}

/**
 * Access tokens shaped exactly like cognito-local's (kid, issuer, client id, claims) but signed
 * with a key of the test's own: expiry and signature become the test's to choose.
 */
export async function createTokenMinter(
  config: Pick<
    CognitoEnv,
    | 'AWS_REGION'
    | 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'
    | 'COGNITO_USER_POOL_ID'
    | 'COGNITO_CLIENT_ID'
  >,
): Promise<TokenMinter> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const stranger = (await generateKeyPair('RS256')).privateKey;
  const keys = createLocalJWKSet({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'CognitoLocal', alg: 'RS256' }],
  });
  const mint: TokenMinter['mint'] = (sub, { expiresAt, key }) =>
    new SignJWT({ token_use: 'access', client_id: config.COGNITO_CLIENT_ID })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .setIssuer(cognitoIssuer(config))
      .setSubject(sub)
      .setIssuedAt(expiresAt - 3600)
      .setExpirationTime(expiresAt)
      .sign(key ?? privateKey);
  return {
    keys,
    mint,
    forge: (sub) => mint(sub, { expiresAt: Math.floor(Date.now() / 1000) + 3600, key: stranger }),
  };
}
