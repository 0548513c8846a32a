import { createDatabase } from '@cruddur/db';
import { type SeedReport } from '../../../seed/seed-users-table';
import { setupUsersDatabase } from '../../../seed/setup-users-database';
import { defineCommand } from '../../framework/command';
import { databaseConfig } from '../../shared/config';
import { withPool } from '../../shared/with-pool';
import { describeSeed } from './seed';

type SetupResult = SeedReport & { database: string; created: boolean; schemaLoaded: true };

export const setupCommand = defineCommand<object, SetupResult>({
  name: 'setup',
  description: 'create + schema-load + seed: everything a fresh database needs; safe to run again',
  run: async ({ io }) => {
    const url = io.config(databaseConfig).DATABASE_URL;
    io.progress('creating the database…');
    const { database, changed } = await createDatabase(url);
    io.progress('loading the schema and seeding…');
    const seeded = await withPool(url, setupUsersDatabase);
    return { database, created: changed, schemaLoaded: true, ...seeded };
  },
  render: (r) =>
    [
      r.created ? `Created database "${r.database}".` : `Database "${r.database}" already exists.`,
      'Schema loaded (table users).',
      describeSeed(r),
    ].join('\n'),
});
