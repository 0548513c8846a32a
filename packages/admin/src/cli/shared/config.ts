import { cognitoEnv, dynamoEnv, postgresEnv } from '@cruddur/config';

/** What the commands read from the environment, by what they touch. */
export const databaseConfig = postgresEnv;
export const tableConfig = dynamoEnv;
export const tableAndUsersConfig = dynamoEnv.extend(postgresEnv.shape);

// The app client id is not needed to list a pool's users, so it is not asked for.
export const cognitoAdminConfig = postgresEnv.extend(
  cognitoEnv.pick({
    AWS_REGION: true,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: true,
    COGNITO_USER_POOL_ID: true,
    AWS_ACCESS_KEY_ID: true,
    AWS_SECRET_ACCESS_KEY: true,
    AWS_SESSION_TOKEN: true,
  }).shape,
);
