import { Command } from 'commander';
import { splitDatabaseUrl } from '../../database';
import { seed, type SeedReport } from '../../seed';
import { databaseUrl } from '../config';
import { run } from '../run';
import { withPool } from '../with-pool';

export function describeSeed(report: SeedReport): string {
  const list = (handles: string[]) => (handles.length > 0 ? handles.map((h) => `@${h}`).join(', ') : 'none');
  return `Seed users inserted: ${list(report.inserted)}; already present (left as they are): ${list(report.existing)}.`;
}

export const seedCommand = new Command('seed')
  .description('insert the development users that are missing (existing rows, and their Cognito ids, are left alone)')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    const url = databaseUrl('seed');
    await run(
      'seed',
      options,
      async () => ({ database: splitDatabaseUrl(url).database, ...(await withPool(url, (pool) => seed(pool))) }),
      describeSeed,
    );
  });
