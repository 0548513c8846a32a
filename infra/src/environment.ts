/**
 * The environment each program is started with, from the variables its schema reads (see the
 * programs' `config.ts`; the tests check every required one is here). Never `AWS_REGION`: Lambda
 * sets it, ECS sets it, and Lambda refuses it as a reserved name. No endpoint variables: unset
 * means the real AWS services. `DATABASE_URL` itself is not a variable of the functions: they read
 * it at start from the secret `DATABASE_URL_SECRET_ARN` names, so it never shows in their config.
 */
import { type DeploymentConfig } from './config';
import { type Database } from './database';
import { type MessagesTable } from './table';

interface ProgramInputs {
  readonly config: DeploymentConfig;
  readonly table: MessagesTable;
  readonly database: Database;
}

/** Every Node program of the app: the bundles ship source maps, so stack traces name TypeScript lines. */
export const NODE_RUNTIME_ENVIRONMENT = { NODE_OPTIONS: '--enable-source-maps' } as const;

/** What the API and the worker both read: the table, the database, the log level. */
function storesEnvironment({ config, table, database }: ProgramInputs) {
  return {
    DDB_TABLE_NAME: table.table.tableName,
    DATABASE_URL_SECRET_ARN: database.urlSecret.secretArn,
    LOG_LEVEL: config.logLevel,
  };
}

export const workerEnvironment = storesEnvironment;

export function apiEnvironment(
  inputs: ProgramInputs & { readonly userPoolId: string; readonly clientId: string },
) {
  return {
    ...storesEnvironment(inputs),
    COGNITO_USER_POOL_ID: inputs.userPoolId,
    COGNITO_CLIENT_ID: inputs.clientId,
  };
}

/** The API as a long-running server in a container: reachable from the load balancer. */
export const LIVE_SERVER_PORT = 4000;
export const LIVE_SERVER_ENVIRONMENT = { PORT: String(LIVE_SERVER_PORT), BIND_HOST: '0.0.0.0' };

/** Both Cognito triggers (PreSignUp, PostConfirmation) read only the database. */
export function triggerEnvironment({ database }: Pick<ProgramInputs, 'database'>) {
  return { DATABASE_URL_SECRET_ARN: database.urlSecret.secretArn };
}
