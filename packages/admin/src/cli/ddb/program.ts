import { type ProgramSpec } from '../framework/program';
import { dropCommand } from './commands/drop';
import { getConversationCommand } from './commands/get-conversation';
import { listConversationsCommand } from './commands/list-conversations';
import { listTablesCommand } from './commands/list-tables';
import { migrateCommand } from './commands/migrate';
import { scanCommand } from './commands/scan';
import { schemaLoadCommand } from './commands/schema-load';
import { seedCommand } from './commands/seed';

export const ddbProgram: ProgramSpec = {
  usageName: 'pnpm ddb',
  name: 'ddb',
  description:
    'Cruddur messages table: schema, seed data and the access patterns (endpoint and table from the environment)',
  commands: [
    schemaLoadCommand,
    dropCommand,
    listTablesCommand,
    seedCommand,
    scanCommand,
    migrateCommand,
    {
      name: 'patterns',
      description: 'run the access patterns the app uses and show what they cost',
      commands: [getConversationCommand, listConversationsCommand],
    },
  ],
};
