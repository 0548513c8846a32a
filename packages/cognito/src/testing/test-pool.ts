import { cognitoEnv, loadConfig } from '@cruddur/config';
import { uniqueName } from '@cruddur/devstack';
import { bootstrapCognito, type BootstrapUser } from '../bootstrap';
import { createCognitoClient, type CognitoClient } from '../client';

/** The cognito-local started for this suite (its endpoint is in process.env), as config and client. */
export function testCognito() {
  const env = loadConfig(
    'cognito-test',
    cognitoEnv.pick({ AWS_REGION: true, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: true }),
  );
  return { env, client: createCognitoClient(env) };
}

/** Meets the pool's default password policy. */
export const TEST_PASSWORD = 'Test-password-1!';

export function testUsers(count: number, prefix: string): BootstrapUser[] {
  return Array.from({ length: count }, (_, i) => ({
    handle: `${prefix}_${i}`,
    displayName: `Test User ${i}`,
    email: `${prefix}.${i}@example.test`,
  }));
}

export interface TestPool {
  client: CognitoClient;
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

/** A pool of its own on this suite's cognito-local, holding `users` (all with `password`). */
export async function createTestPool(
  users: readonly BootstrapUser[],
  { password = TEST_PASSWORD, prefix = 'pool' }: { password?: string; prefix?: string } = {},
): Promise<TestPool> {
  const { env, client } = testCognito();
  const { userPoolId, clientId } = await bootstrapCognito({
    client,
    poolName: uniqueName(prefix),
    users,
    password,
  });
  return {
    client,
    endpoint: env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
    userPoolId,
    clientId,
  };
}
