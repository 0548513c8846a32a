import { bootstrapCognito, type BootstrapUser, createCognitoClient } from '@cruddur/cognito';
import { cognitoEnv, loadConfig } from '@cruddur/config';
import { uniqueName } from '@cruddur/devstack';
import { DEV_PASSWORD } from '../seed-users';

export const cognitoClientEnv = () =>
  loadConfig(
    'db-test',
    cognitoEnv.pick({ AWS_REGION: true, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: true }),
  );

/** A pool of its own on this suite's cognito-local, holding `users`. */
export async function createTestPool(users: readonly BootstrapUser[]) {
  const cognito = createCognitoClient(cognitoClientEnv());
  const { userPoolId } = await bootstrapCognito({
    client: cognito,
    poolName: uniqueName('db'),
    users,
    password: DEV_PASSWORD,
  });
  return { cognito, userPoolId };
}
