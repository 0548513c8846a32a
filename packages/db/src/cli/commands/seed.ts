import { splitDatabaseUrl } from '../../database';
import { seed, type SeedReport } from '../../seed';
import { databaseUrl } from '../config';
import { defineCommand } from '../define-command';
import { withPool } from '../with-pool';

export function describeSeed(report: SeedReport): string {
  const list = (handles: string[]) =>
    handles.length > 0 ? handles.map((h) => `@${h}`).join(', ') : 'none';
  return `Seed users inserted: ${list(report.inserted)}; already present (left as they are): ${list(report.existing)}.`;
}

export const seedCommand = defineCommand({
  name: 'seed',
  description:
    'insert the development users that are missing (existing rows, and their Cognito ids, are left alone)',
  work: async () => {
    const url = databaseUrl('seed');
    return {
      database: splitDatabaseUrl(url).database,
      ...(await withPool(url, (pool) => seed(pool))),
    };
  },
  render: describeSeed,
});
