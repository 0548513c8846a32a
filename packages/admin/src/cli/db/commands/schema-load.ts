import { schemaLoad, splitDatabaseUrl } from '@cruddur/db';
import { defineCommand } from '../../framework/command';
import { databaseConfig } from '../../shared/config';
import { withPool } from '../../shared/with-pool';

export const schemaLoadCommand = defineCommand<object, { database: string; schemaLoaded: true }>({
  name: 'schema-load',
  description: 'create the users table if it is missing (existing rows are kept)',
  run: async ({ io }) => {
    const url = io.config(databaseConfig).DATABASE_URL;
    await withPool(url, schemaLoad);
    return { database: splitDatabaseUrl(url).database, schemaLoaded: true };
  },
  render: (r) => `Schema loaded into "${r.database}" (table users).`,
});
