/**
 * Signing in and refreshing tokens (InitiateAuth), the Cognito calls every page load may need.
 * Sign-up, confirmation and password reset live in cognito-accounts.ts, loaded with their screens.
 */
import { decodeJwt } from 'jose';
import { CognitoError, cognitoRequest, NETWORK_MESSAGE } from './cognito-request';

export { CognitoError };

export interface CognitoTokens {
  accessToken: string;
  /** Absent after a refresh: Cognito keeps the refresh token it was given. */
  refreshToken?: string;
  expiresInSeconds: number;
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
  NetworkError: NETWORK_MESSAGE,
};

async function initiateAuth(
  endpoint: string,
  clientId: string,
  authFlow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH',
  authParameters: Record<string, string>,
): Promise<CognitoTokens> {
  let body: InitiateAuthResponse;
  try {
    body = await cognitoRequest<InitiateAuthResponse>(endpoint, 'InitiateAuth', {
      AuthFlow: authFlow,
      ClientId: clientId,
      AuthParameters: authParameters,
    });
  } catch (error) {
    if (error instanceof CognitoError && MESSAGES[error.code])
      throw new CognitoError(error.code, MESSAGES[error.code]!);
    throw error;
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
