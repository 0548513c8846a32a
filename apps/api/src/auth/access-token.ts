import { cognitoIssuer, type CognitoEnv } from '@cruddur/config';
import { TransientError } from '@cruddur/errors';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** A token that must not be trusted; `reason` is safe to show to the caller. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** The Cognito JWKS cannot be fetched: an outage, not the caller's fault. */
export class JwksUnavailableError extends TransientError {
  constructor(cause: unknown) {
    super('the Cognito signing keys could not be fetched', { cause });
    this.name = 'JwksUnavailableError';
  }
}

export interface AccessClaims {
  sub: string;
  username?: string;
  /** When the token expires (epoch ms): a live stream ends then. */
  expiresAt: number;
}

export type VerifyAccessToken = (token: string) => Promise<AccessClaims>;

/**
 * Verifies Cognito access tokens: RS256 signature against the pool's JWKS (fetched once and cached
 * by jose, refetched when an unknown `kid` appears), issuer, expiry, `token_use` and app client.
 * `keys` lets a caller supply a key set other than the pool's (tests sign with their own keys).
 */
export function createAccessTokenVerifier(
  env: Pick<
    CognitoEnv,
    | 'AWS_REGION'
    | 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'
    | 'COGNITO_USER_POOL_ID'
    | 'COGNITO_CLIENT_ID'
  >,
  keys?: JWTVerifyGetKey,
): VerifyAccessToken {
  const issuer = cognitoIssuer(env);
  const jwks = keys ?? createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw explain(error);
    }
    if (payload.token_use !== 'access')
      throw new InvalidTokenError('not an access token (send the access token, not the id token)');
    if (payload.client_id !== env.COGNITO_CLIENT_ID)
      throw new InvalidTokenError('the token was issued to another app client');
    return {
      sub: payload.sub!,
      username: typeof payload.username === 'string' ? payload.username : undefined,
      expiresAt: payload.exp! * 1000,
    };
  };
}

// Failures to obtain the keys (timeout, non-200, unparsable JWKS, network) are outages, not bad tokens.
const KEY_SET_FAILURES = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

function explain(error: unknown): Error {
  if (!(error instanceof errors.JOSEError)) return new JwksUnavailableError(error);
  if (KEY_SET_FAILURES.has(error.code)) return new JwksUnavailableError(error);
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new InvalidTokenError(`the token's ${error.claim} claim is not valid`);
  return new InvalidTokenError('the token is malformed or its signature is not valid');
}
