import { Command } from 'commander';
import { splitDatabaseUrl } from '../../database';
import { schemaLoad } from '../../schema';
import { databaseUrl } from '../config';
import { run } from '../run';
import { withPool } from '../with-pool';

export const schemaLoadCommand = new Command('schema-load')
  .description('create the users table if it is missing (existing rows are kept)')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    const url = databaseUrl('schema-load');
    await run(
      'schema-load',
      options,
      async () => {
        await withPool(url, schemaLoad);
        return { database: splitDatabaseUrl(url).database, schemaLoaded: true };
      },
      (r) => `Schema loaded into "${r.database}" (table users).`,
    );
  });
