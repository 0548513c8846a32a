import { createDatabase } from '../../database';
import { databaseUrl } from '../config';
import { defineCommand } from '../define-command';

export const createCommand = defineCommand({
  name: 'create',
  description:
    'create the database named in DATABASE_URL (connecting to the server\'s "postgres" database); nothing to do if it exists',
  work: async () => {
    const { database, changed } = await createDatabase(databaseUrl('create'));
    return { database, created: changed };
  },
  render: (r) =>
    r.created
      ? `Created database "${r.database}".`
      : `Database "${r.database}" already exists; nothing to do.`,
});
