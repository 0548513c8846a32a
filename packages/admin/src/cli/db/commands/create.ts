import { createDatabase } from '@cruddur/db';
import { defineCommand } from '../../framework/command';
import { databaseConfig } from '../../shared/config';

export const createCommand = defineCommand<object, { database: string; created: boolean }>({
  name: 'create',
  description:
    'create the database named in DATABASE_URL (connecting to the server\'s "postgres" database); nothing to do if it exists',
  run: async ({ io }) => {
    const { database, changed } = await createDatabase(io.config(databaseConfig).DATABASE_URL);
    return { database, created: changed };
  },
  render: (r) =>
    r.created
      ? `Created database "${r.database}".`
      : `Database "${r.database}" already exists; nothing to do.`,
});
