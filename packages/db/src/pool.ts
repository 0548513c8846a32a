import pg from 'pg';

export type Pool = pg.Pool;

/**
 * A connection pool for the users database. An idle client's error (the server restarting) is
 * logged instead of crashing the process: the pool replaces the client on the next query.
 */
export function createPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  pool.on('error', (error) =>
    process.stderr.write(`postgres: idle client error: ${error.message}\n`),
  );
  return pool;
}
