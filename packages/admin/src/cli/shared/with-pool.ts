import { createPool, type Pool } from '@cruddur/db';

/** A pool for one command, always ended so that the process can exit. */
export async function withPool<T>(
  databaseUrl: string,
  work: (pool: Pool) => Promise<T>,
): Promise<T> {
  const pool = createPool(databaseUrl);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
