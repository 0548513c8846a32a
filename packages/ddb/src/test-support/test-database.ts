import { setup } from '@cruddur/db';
import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';

export type { TestDatabase };

/** A fresh PostgreSQL database of this test file's own with the seed users loaded. */
export async function createUsersDatabase(): Promise<TestDatabase> {
  const database = await openTestDatabase();
  await setup(database.pool);
  return database;
}
