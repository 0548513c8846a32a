import { cognitoEnv, loadConfig } from '@cruddur/config';
import { createCognitoClient } from '../client';

/** The cognito-local started for this suite (its endpoint is in process.env), as config and client. */
export function testCognito() {
  const env = loadConfig(
    'cognito-test',
    cognitoEnv.pick({ AWS_REGION: true, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: true }),
  );
  return { env, client: createCognitoClient(env) };
}

export const PASSWORD = 'Test-password-1!';

export function testUsers(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => ({
    handle: `${prefix}_${i}`,
    displayName: `Test User ${i}`,
    email: `${prefix}.${i}@example.test`,
  }));
}
