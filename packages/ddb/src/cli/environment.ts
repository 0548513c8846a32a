import { dynamoEnv, loadConfigOrExit, postgresEnv } from '@cruddur/config';
import { createPool, type Pool } from '@cruddur/db';
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

/**
 * For the commands that also read users from PostgreSQL: the table must exist, and the pool and
 * the client are released whatever happens.
 */
export async function withTableAndUsers<T>(
  work: (ddb: DdbContext, pool: Pool) => Promise<T>,
): Promise<T> {
  const config = loadConfigOrExit('ddb', dynamoEnv.extend(postgresEnv.shape));
  const pool = createPool(config.DATABASE_URL);
  try {
    return await withDdb(createDdbContext(config), async (ddb) => {
      await requireTable(ddb);
      return work(ddb, pool);
    });
  } finally {
    await pool.end();
  }
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
