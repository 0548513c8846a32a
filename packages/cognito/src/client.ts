import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoEnv } from '@cruddur/config';

/** The SDK client, named here so that dependants need not import the SDK for its type. */
export type CognitoClient = CognitoIdentityProviderClient;

export type CognitoClientEnv = Pick<
  CognitoEnv,
  'AWS_REGION' | 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'
>;

/**
 * A Cognito Identity Provider client for `env`. The SDK reads AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
 * from `process.env` by itself, but callers often pass an env record of their own (the local stack,
 * test fixtures), so the endpoint is taken from `env` explicitly. Credentials come from the SDK's
 * usual provider chain.
 */
export function createCognitoClient(env: CognitoClientEnv): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: env.AWS_REGION,
    ...(env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
      ? { endpoint: env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER }
      : {}),
  });
}
