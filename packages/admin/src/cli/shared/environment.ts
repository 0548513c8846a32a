import { type DynamoEnv, type PostgresEnv } from '@cruddur/config';
import { type Pool } from '@cruddur/db';
import { createDdbContext, tableExists, type DdbContext } from '@cruddur/ddb';
import { CliError } from '../framework/cli-error';
import { withPool } from './with-pool';

/** Runs `work` with a context on the configured table and always releases its sockets. */
export async function withDdb<T>(
  config: DynamoEnv,
  work: (ddb: DdbContext) => Promise<T>,
): Promise<T> {
  const ddb = createDdbContext(config);
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

/** For the commands that also read users from PostgreSQL: the table must exist. */
export function withTableAndUsers<T>(
  config: DynamoEnv & PostgresEnv,
  work: (ddb: DdbContext, pool: Pool) => Promise<T>,
): Promise<T> {
  return withPool(config.DATABASE_URL, (pool) =>
    withDdb(config, async (ddb) => {
      await requireTable(ddb);
      return work(ddb, pool);
    }),
  );
}
