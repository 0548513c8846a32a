import { Command, CommanderError } from 'commander';
import { addPatternCommands } from './commands/pattern-commands';
import { addScanCommand } from './commands/scan-command';
import { addSeedCommand } from './commands/seed-command';
import { addTableCommands } from './commands/table-commands';
import { describeError } from './describe-error';

/** Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage, 78 invalid configuration. */
const USAGE = 2;

const program = new Command('pnpm ddb')
  .description(
    'Cruddur messages table: schema, seed data, and the access patterns (endpoint and table from the environment)',
  )
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

addTableCommands(program);
addSeedCommand(program);
addScanCommand(program);
addPatternCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has printed the help or the usage problem already.
    process.exitCode = error.exitCode === 0 ? 0 : USAGE;
  } else {
    process.stderr.write(`ddb: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}
