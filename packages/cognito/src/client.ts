import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { awsCredentials, type AwsCredentialsEnv, type CognitoEnv } from '@cruddur/config';

/** The SDK client, named here so that dependants need not import the SDK for its type. */
export type CognitoClient = CognitoIdentityProviderClient;

export type CognitoClientEnv = Pick<
  CognitoEnv,
  'AWS_REGION' | 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'
> &
  AwsCredentialsEnv;

/**
 * A Cognito Identity Provider client for `env`. The SDK reads AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
 * from `process.env` by itself, but callers often pass an env record of their own (the local stack,
 * test fixtures), so the endpoint and any credentials are taken from `env` explicitly.
 */
export function createCognitoClient(env: CognitoClientEnv): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: env.AWS_REGION,
    ...awsCredentials(env),
    ...(env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
      ? { endpoint: env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER }
      : {}),
  });
}
