import { splitDatabaseUrl } from '../../database';
import { schemaLoad } from '../../schema';
import { databaseUrl } from '../config';
import { defineCommand } from '../define-command';
import { withPool } from '../with-pool';

export const schemaLoadCommand = defineCommand({
  name: 'schema-load',
  description: 'create the users table if it is missing (existing rows are kept)',
  work: async () => {
    const url = databaseUrl('schema-load');
    await withPool(url, schemaLoad);
    return { database: splitDatabaseUrl(url).database, schemaLoaded: true };
  },
  render: (r) => `Schema loaded into "${r.database}" (table users).`,
});
