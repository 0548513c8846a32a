import { createPool } from '@cruddur/db';
import { type Command } from 'commander';
import { seedConversation } from '../../seed-conversation';
import { ddbAndDatabaseFromEnv, requireTable, withDdb } from '../environment';
import { createOutput } from '../output';

export function addSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      'write a sample conversation between two users of PostgreSQL, one line a minute, ending now',
    )
    .option('--from <handle>', 'the user who starts the conversation', 'mira')
    .option('--to <handle>', 'the other participant', 'tomas')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      const { ddb, databaseUrl } = ddbAndDatabaseFromEnv();
      const pool = createPool(databaseUrl);
      try {
        await withDdb(ddb, async () => {
          await requireTable(ddb);
          const result = await seedConversation(ddb, pool, {
            from: opts.from,
            to: opts.to,
            onProgress: (done, total) => out.progress(`seeded ${done}/${total} messages`),
          });
          out.result(result, (r) =>
            r.created
              ? `Seeded ${r.messages} messages between @${r.from.handle} and @${r.to.handle} in group ${r.messageGroupUuid}`
              : `@${r.from.handle} and @${r.to.handle} already have a conversation (group ${r.messageGroupUuid}); nothing written`,
          );
        });
      } finally {
        await pool.end();
      }
    });
}
