import { createTestDatabase } from '@cruddur/devstack';
import { createPool, type Pool } from '../pool';

export interface TestDatabase {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/** A fresh database of this suite's PostgreSQL, with a pool on it; `close` ends the pool and drops it. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  return {
    url: database.url,
    pool,
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
}
