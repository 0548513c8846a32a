import { Command } from 'commander';
import { createDatabase } from '../../database';
import { databaseUrl } from '../config';
import { run } from '../run';

export const createCommand = new Command('create')
  .description('create the database named in DATABASE_URL (connecting to the server\'s "postgres" database); nothing to do if it exists')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    const url = databaseUrl('create');
    await run(
      'create',
      options,
      async () => {
        const { database, changed } = await createDatabase(url);
        return { database, created: changed };
      },
      (r) => (r.created ? `Created database "${r.database}".` : `Database "${r.database}" already exists; nothing to do.`),
    );
  });
