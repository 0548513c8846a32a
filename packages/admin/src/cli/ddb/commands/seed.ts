import { defineCommand } from '../../framework/command';
import { tableAndUsersConfig } from '../../shared/config';
import type { SeedResult } from '../../../seed/seed-conversation';

export const seedCommand = defineCommand<{ from: string; to: string }, SeedResult>({
  name: 'seed',
  description:
    'write a sample conversation between two users of PostgreSQL, one line a minute, ending now',
  options: [
    {
      flags: '--from <handle>',
      description: 'the user who starts the conversation',
      default: 'mira',
    },
    { flags: '--to <handle>', description: 'the other participant', default: 'tomas' },
  ],
  run: async ({ options, io }) => {
    const [{ seedConversation }, { withTableAndUsers }] = await Promise.all([
      import('../../../seed/seed-conversation'),
      import('../../shared/environment'),
    ]);
    return withTableAndUsers(io.config(tableAndUsersConfig), (ddb, pool) =>
      seedConversation(ddb, pool, {
        from: options.from,
        to: options.to,
        onProgress: (done, total) => io.progress(`seeded ${done}/${total} messages`),
      }),
    );
  },
  render: (r) =>
    r.created
      ? `Seeded ${r.messages} messages between @${r.from.handle} and @${r.to.handle} in group ${r.messageGroupUuid}`
      : `@${r.from.handle} and @${r.to.handle} already have a conversation (group ${r.messageGroupUuid}); nothing written`,
});
