import { createPool } from '@cruddur/db';
import { seedConversation } from '../../seed-conversation';
import { ddbAndDatabaseFromEnv, requireTable, withDdb } from '../environment';
import { createOutput } from '../output';

export interface SeedOptions {
  from: string;
  to: string;
  json?: boolean;
}

export async function seed(opts: SeedOptions): Promise<void> {
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
}
