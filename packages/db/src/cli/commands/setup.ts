import { createDatabase } from '../../database';
import { setup } from '../../setup';
import { databaseUrl } from '../config';
import { defineCommand } from '../define-command';
import { withPool } from '../with-pool';
import { describeSeed } from './seed';

export const setupCommand = defineCommand({
  name: 'setup',
  description: 'create + schema-load + seed: everything a fresh database needs; safe to run again',
  work: async (_options, { progress }) => {
    const url = databaseUrl('setup');
    progress('creating the database');
    const { database, changed } = await createDatabase(url);
    progress('loading the schema and seeding');
    return { database, created: changed, schemaLoaded: true, ...(await withPool(url, setup)) };
  },
  render: (r) =>
    [
      r.created ? `Created database "${r.database}".` : `Database "${r.database}" already exists.`,
      'Schema loaded (table users).',
      describeSeed(r),
    ].join('\n'),
});
