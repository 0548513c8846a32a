import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';
import { setupUsersDatabase } from '../seed/setup-users-database';

export type { TestDatabase };

/** A fresh PostgreSQL database of this test file's own with the seed users loaded. */
export async function createUsersDatabase(): Promise<TestDatabase> {
  const database = await openTestDatabase();
  await setupUsersDatabase(database.pool);
  return database;
}
