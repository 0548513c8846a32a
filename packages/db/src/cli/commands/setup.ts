import { Command } from 'commander';
import { createDatabase } from '../../database';
import { setup } from '../../setup';
import { databaseUrl } from '../config';
import { run } from '../run';
import { withPool } from '../with-pool';
import { describeSeed } from './seed';

export const setupCommand = new Command('setup')
  .description('create + schema-load + seed: everything a fresh database needs; safe to run again')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    const url = databaseUrl('setup');
    await run(
      'setup',
      options,
      async ({ progress }) => {
        progress('creating the database');
        const { database, changed } = await createDatabase(url);
        progress('loading the schema and seeding');
        const report = await withPool(url, setup);
        return { database, created: changed, schemaLoaded: true, ...report };
      },
      (r) => [r.created ? `Created database "${r.database}".` : `Database "${r.database}" already exists.`, 'Schema loaded (table users).', describeSeed(r)].join('\n'),
    );
  });
