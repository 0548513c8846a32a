import { splitDatabaseUrl } from '@cruddur/db';
import { seedUsers, type SeedReport } from '../../../seed/seed-users-table';
import { defineCommand } from '../../framework/command';
import { databaseConfig } from '../../shared/config';
import { withPool } from '../../shared/with-pool';

export function describeSeed(report: SeedReport): string {
  const list = (handles: string[]) =>
    handles.length > 0 ? handles.map((h) => `@${h}`).join(', ') : 'none';
  return `Seed users inserted: ${list(report.inserted)}; already present (left as they are): ${list(report.existing)}.`;
}

export const seedCommand = defineCommand<object, SeedReport & { database: string }>({
  name: 'seed',
  description:
    'insert the development users that are missing (existing rows, and their Cognito ids, are left alone)',
  run: async ({ io }) => {
    const url = io.config(databaseConfig).DATABASE_URL;
    return { database: splitDatabaseUrl(url).database, ...(await withPool(url, seedUsers)) };
  },
  render: describeSeed,
});
