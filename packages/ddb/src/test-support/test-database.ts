import { createPool, setup, type Pool } from '@cruddur/db';
import { createTestDatabase } from '@cruddur/devstack';

export interface TestDatabase {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database of this test file's own with the seed users loaded. */
export async function createUsersDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  await setup(pool);
  return {
    url: database.url,
    pool,
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
}
