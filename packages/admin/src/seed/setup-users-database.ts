import { schemaLoad, type Pool } from '@cruddur/db';
import { seedUsers, type SeedReport } from './seed-users-table';

/** Schema and seed users for a database that exists (the CLI's `setup` creates it first). */
export async function setupUsersDatabase(pool: Pool): Promise<SeedReport> {
  await schemaLoad(pool);
  return seedUsers(pool);
}
