import { Command } from 'commander';
import { createCommand } from './commands/create';
import { dropCommand } from './commands/drop';
import { schemaLoadCommand } from './commands/schema-load';
import { seedCommand } from './commands/seed';
import { setupCommand } from './commands/setup';
import { updateCognitoUserIdsCommand } from './commands/update-cognito-user-ids';

const program = new Command('db')
  .description(
    'The users database of Cruddur Messages (PostgreSQL at DATABASE_URL). Every command is safe to run twice.',
  )
  .showHelpAfterError()
  .addCommand(createCommand)
  .addCommand(dropCommand)
  .addCommand(schemaLoadCommand)
  .addCommand(seedCommand)
  .addCommand(setupCommand)
  .addCommand(updateCognitoUserIdsCommand);

await program.parseAsync();
