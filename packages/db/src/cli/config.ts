import { cognitoEnv, loadConfigOrExit, postgresEnv } from '@cruddur/config';

/** DATABASE_URL, checked before any work; a bad one stops the command with one readable message. */
export function databaseUrl(command: string): string {
  return loadConfigOrExit(`db ${command}`, postgresEnv).DATABASE_URL;
}

// The app client id is not needed to list a pool's users, so it is not asked for.
const cognitoAdminEnv = postgresEnv.extend(
  cognitoEnv.pick({
    AWS_REGION: true,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: true,
    COGNITO_USER_POOL_ID: true,
  }).shape,
);

export function cognitoAdminConfig(command: string) {
  return loadConfigOrExit(`db ${command}`, cognitoAdminEnv);
}
