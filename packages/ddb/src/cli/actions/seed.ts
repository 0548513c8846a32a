import { seedConversation } from '../../seed-conversation';
import { withTableAndUsers } from '../environment';
import { createOutput } from '../output';

export interface SeedOptions {
  from: string;
  to: string;
  json?: boolean;
}

export async function seed(opts: SeedOptions): Promise<void> {
  const out = createOutput(Boolean(opts.json));
  await withTableAndUsers(async (ddb, pool) => {
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
}
