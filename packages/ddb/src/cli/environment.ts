import { dynamoEnv, loadConfigOrExit, postgresEnv } from '@cruddur/config';
import { createDdbContext, type DdbContext } from '../context';
import { tableExists } from '../table';
import { CliError } from './output';

/**
 * Configuration is read when a command runs, not at start-up, so that `--help` works anywhere. A
 * command that needs PostgreSQL too validates both at once, naming every problem in one message.
 */
export function ddbFromEnv(): DdbContext {
  return createDdbContext(loadConfigOrExit('ddb', dynamoEnv));
}

export function ddbAndDatabaseFromEnv(): { ddb: DdbContext; databaseUrl: string } {
  const config = loadConfigOrExit('ddb', dynamoEnv.extend(postgresEnv.shape));
  return { ddb: createDdbContext(config), databaseUrl: config.DATABASE_URL };
}

/** Runs `work` with a context and always releases its sockets, so the process can exit. */
export async function withDdb<T>(
  ddb: DdbContext,
  work: (ddb: DdbContext) => Promise<T>,
): Promise<T> {
  try {
    return await work(ddb);
  } finally {
    ddb.client.destroy();
  }
}

export async function requireTable(ddb: DdbContext): Promise<void> {
  if (!(await tableExists(ddb))) {
    throw new CliError(
      `table ${ddb.tableName} does not exist (create it with: pnpm ddb schema-load)`,
    );
  }
}
