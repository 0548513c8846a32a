import { type ProgramSpec } from '../framework/program';
import { createCommand } from './commands/create';
import { dropCommand } from './commands/drop';
import { schemaLoadCommand } from './commands/schema-load';
import { seedCommand } from './commands/seed';
import { setupCommand } from './commands/setup';
import { updateCognitoUserIdsCommand } from './commands/update-cognito-user-ids';

export const dbProgram: ProgramSpec = {
  usageName: 'pnpm db',
  name: 'db',
  description:
    'The users database of Cruddur Messages (PostgreSQL at DATABASE_URL). Every command is safe to run twice.',
  commands: [
    createCommand,
    dropCommand,
    schemaLoadCommand,
    seedCommand,
    setupCommand,
    updateCognitoUserIdsCommand,
  ],
};
