/**
 * The two Cognito Identity Provider calls the browser needs, over its JSON protocol (a POST with
 * an `X-Amz-Target` header). Both are unsigned (a public app client has no secret), so the AWS
 * SDK's signing, middleware and retry machinery would only add weight to the bundle.
 */
import { decodeJwt } from 'jose';

export interface CognitoTokens {
  accessToken: string;
  /** Absent after a refresh: Cognito keeps the refresh token it was given. */
  refreshToken?: string;
  expiresInSeconds: number;
}

/** A failed Cognito call; `code` is Cognito's exception name, or `NetworkError` when it was not reached. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

interface InitiateAuthResponse {
  AuthenticationResult?: { AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
}

/**
 * The access token's lifetime from its own claims, for services that leave `ExpiresIn` out
 * (cognito-local does). A lifetime rather than `exp` itself, so that this device's clock being off
 * does not matter. Reading claims needs no verification: the API verifies every token it gets.
 */
function lifetimeSeconds(accessToken: string): number {
  const { exp, iat } = decodeJwt(accessToken);
  if (exp === undefined || iat === undefined) {
    throw new CognitoError('UnknownError', 'Sign-in returned a token without an expiry.');
  }
  return exp - iat;
}

/** Cognito's messages address developers; these address the person signing in. */
const MESSAGES: Record<string, string> = {
  NotAuthorizedException: 'Incorrect email, handle or password.',
  // cognito-local's answer to a wrong password.
  InvalidPasswordException: 'Incorrect email, handle or password.',
  UserNotFoundException: 'Incorrect email, handle or password.',
  UserNotConfirmedException: 'This account is not confirmed yet.',
  PasswordResetRequiredException: 'This account needs a password reset.',
  TooManyRequestsException: 'Too many attempts. Wait a moment and try again.',
  NetworkError: 'Cannot reach the sign-in service. Check your connection and try again.',
};

async function initiateAuth(
  endpoint: string,
  clientId: string,
  authFlow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH',
  authParameters: Record<string, string>,
): Promise<CognitoTokens> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: authFlow,
        ClientId: clientId,
        AuthParameters: authParameters,
      }),
    });
  } catch {
    throw new CognitoError('NetworkError', MESSAGES.NetworkError!);
  }
  const body = (await response.json().catch(() => null)) as
    (InitiateAuthResponse & { __type?: string; message?: string }) | null;
  if (!response.ok || !body) {
    // `__type` may carry a namespace prefix ("com.amazonaws…#NotAuthorizedException").
    const code =
      body?.__type?.split('#').pop() ??
      (response.status >= 500 || !body ? 'NetworkError' : 'UnknownError');
    throw new CognitoError(
      code,
      MESSAGES[code] ?? body?.message ?? `Sign-in failed (${response.status}).`,
    );
  }
  const result = body.AuthenticationResult;
  if (!result) {
    throw new CognitoError(
      body.ChallengeName ?? 'UnknownError',
      `This account needs a sign-in step this app does not support (${body.ChallengeName ?? 'unknown'}).`,
    );
  }
  return {
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
    expiresInSeconds: result.ExpiresIn ?? lifetimeSeconds(result.AccessToken),
  };
}

export function signInWithPassword(
  endpoint: string,
  clientId: string,
  username: string,
  password: string,
) {
  return initiateAuth(endpoint, clientId, 'USER_PASSWORD_AUTH', {
    USERNAME: username,
    PASSWORD: password,
  });
}

export function refreshTokens(endpoint: string, clientId: string, refreshToken: string) {
  return initiateAuth(endpoint, clientId, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
}

/** The path under which the web server (Vite dev and preview) proxies a custom Cognito endpoint. */
const COGNITO_PROXY_PATH = '/cognito/';

/**
 * Where the browser sends Cognito calls. The API reports the endpoint it uses itself: none means
 * Amazon Cognito, reachable from anywhere at its regional address; a custom one (cognito-local)
 * is an address on the API's network, which the web server proxies under `/cognito`.
 */
export function cognitoEndpoint(
  config: { region: string; cognitoEndpoint: string | null },
  pageOrigin: string,
): string {
  if (config.cognitoEndpoint) return new URL(COGNITO_PROXY_PATH, pageOrigin).toString();
  return `https://cognito-idp.${config.region}.amazonaws.com/`;
}
