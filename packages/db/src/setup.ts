import type { Pool } from './pool';
import { schemaLoad } from './schema';
import { seed, type SeedReport } from './seed';

/** Schema and seed users for a database that exists (the CLI's `setup` creates it first). */
export async function setup(pool: Pool): Promise<SeedReport> {
  await schemaLoad(pool);
  return seed(pool);
}
