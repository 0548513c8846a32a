import {
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { SignInError } from './errors';
import { listAllUsers } from './users';

export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** Lifetime of the access and id tokens, in seconds. */
  expiresIn: number;
}

export interface SignInOptions {
  client: CognitoIdentityProviderClient;
  clientId: string;
  /** An email address, a handle (with or without its @), or the Cognito username itself. */
  username: string;
  password: string;
  /** Needed to sign in with a handle: the handle is looked up in this pool (see the README). */
  userPoolId?: string;
}

export interface RefreshOptions {
  client: CognitoIdentityProviderClient;
  clientId: string;
  refreshToken: string;
}

// Cognito's handle is a preferred_username; the same characters the users table allows.
const HANDLE = /^@?([a-z0-9_]{1,64})$/;

/** Signs in with USER_PASSWORD_AUTH. Wrong password or unknown user: a SignInError. */
export async function signIn(options: SignInOptions): Promise<Tokens> {
  const username = await signInName(options);
  const result = await initiateAuth(options.client, {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: options.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: options.password },
  });
  if (!result.RefreshToken)
    throw new Error('Cognito returned no refresh token for USER_PASSWORD_AUTH');
  return toTokens(result, result.RefreshToken);
}

/** New access and id tokens for a refresh token (Cognito keeps the refresh token itself unchanged). */
export async function refreshTokens(options: RefreshOptions): Promise<Tokens> {
  const result = await initiateAuth(options.client, {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: options.clientId,
    AuthParameters: { REFRESH_TOKEN: options.refreshToken },
  });
  return toTokens(result, result.RefreshToken ?? options.refreshToken);
}

/**
 * The pool's username is the email. A handle is resolved to its user's email first, because
 * cognito-local can only find users by username, email or sub (see the README).
 */
async function signInName(options: SignInOptions): Promise<string> {
  const username = options.username.trim();
  if (username.includes('@') && !username.startsWith('@')) return username;
  const handle = HANDLE.exec(username)?.[1];
  // Neither an email nor a handle: a Cognito username as it is (e.g. a sub, see users.signInName).
  if (!handle) return username;
  if (!options.userPoolId)
    throw new TypeError('signIn with a handle needs userPoolId to look the handle up');
  const [user, ...others] = await listAllUsers(
    options.client,
    options.userPoolId,
    `preferred_username = "${handle}"`,
  );
  if (!user?.email || others.length > 0)
    throw new SignInError('UserNotFoundException', `no single user has the handle "${handle}"`);
  return user.email;
}

async function initiateAuth(
  client: CognitoIdentityProviderClient,
  input: InitiateAuthCommandInput,
): Promise<AuthenticationResultType> {
  let response;
  try {
    response = await client.send(new InitiateAuthCommand(input));
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'NotAuthorizedException' || name === 'InvalidPasswordException') {
      throw new SignInError('NotAuthorizedException', 'incorrect username or password', {
        cause: error,
      });
    }
    if (name === 'UserNotFoundException')
      throw new SignInError('UserNotFoundException', 'no such user', { cause: error });
    throw error;
  }
  if (!response.AuthenticationResult) {
    throw new Error(
      `Cognito asked for a ${response.ChallengeName ?? 'further'} challenge, which this sign-in does not support`,
    );
  }
  return response.AuthenticationResult;
}

function toTokens(result: AuthenticationResultType, refreshToken: string): Tokens {
  if (!result.AccessToken || !result.IdToken)
    throw new Error('Cognito returned an authentication result without tokens');
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken,
    expiresIn: result.ExpiresIn ?? lifetime(result.AccessToken),
  };
}

/** cognito-local leaves ExpiresIn out; the token's own claims say the same thing. */
function lifetime(accessToken: string): number {
  const { exp, iat } = decodeJwt(accessToken);
  if (exp === undefined || iat === undefined)
    throw new Error('Cognito returned an access token without exp or iat');
  return exp - iat;
}
