import { dropDatabase, splitDatabaseUrl } from '@cruddur/db';
import { CliError } from '../../framework/cli-error';
import { defineCommand } from '../../framework/command';
import { databaseConfig } from '../../shared/config';

export const dropCommand = defineCommand<{ yes?: boolean }, { database: string; dropped: boolean }>(
  {
    name: 'drop',
    description:
      'drop the database named in DATABASE_URL, ending its connections; every row in it is lost',
    options: [{ flags: '--yes', description: 'really drop it (required)' }],
    run: async ({ options, io }) => {
      const url = io.config(databaseConfig).DATABASE_URL;
      if (!options.yes)
        throw new CliError(
          `refusing to drop database "${splitDatabaseUrl(url).database}" without --yes`,
        );
      const { database, changed } = await dropDatabase(url);
      return { database, dropped: changed };
    },
    render: (r) =>
      r.dropped
        ? `Dropped database "${r.database}".`
        : `Database "${r.database}" does not exist; nothing to do.`,
  },
);
