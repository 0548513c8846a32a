import { Command } from 'commander';
import { dropDatabase, splitDatabaseUrl } from '../../database';
import { databaseUrl } from '../config';
import { run } from '../run';

export const dropCommand = new Command('drop')
  .description('drop the database named in DATABASE_URL, ending its connections; every row in it is lost')
  .option('--yes', 'really drop it (required)')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean; yes?: boolean }) => {
    const url = databaseUrl('drop');
    await run(
      'drop',
      options,
      async () => {
        if (!options.yes) throw new Error(`refusing to drop database "${splitDatabaseUrl(url).database}" without --yes`);
        const { database, changed } = await dropDatabase(url);
        return { database, dropped: changed };
      },
      (r) => (r.dropped ? `Dropped database "${r.database}".` : `Database "${r.database}" does not exist; nothing to do.`),
    );
  });
