import { dropDatabase, splitDatabaseUrl } from '../../database';
import { databaseUrl } from '../config';
import { defineCommand } from '../define-command';

export const dropCommand = defineCommand({
  name: 'drop',
  description:
    'drop the database named in DATABASE_URL, ending its connections; every row in it is lost',
  options: [['--yes', 'really drop it (required)']],
  work: async (options: { yes?: boolean }) => {
    const url = databaseUrl('drop');
    if (!options.yes)
      throw new Error(
        `refusing to drop database "${splitDatabaseUrl(url).database}" without --yes`,
      );
    const { database, changed } = await dropDatabase(url);
    return { database, dropped: changed };
  },
  render: (r) =>
    r.dropped
      ? `Dropped database "${r.database}".`
      : `Database "${r.database}" does not exist; nothing to do.`,
});
