import { CommanderError } from 'commander';
import { describeError } from './describe-error';
import { buildProgram } from './program';

/** Exit codes: 0 done, 1 failed (one line on stderr), 2 wrong usage, 78 invalid configuration. */
const USAGE = 2;

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has printed the help or the usage problem already.
    process.exitCode = error.exitCode === 0 ? 0 : USAGE;
  } else {
    process.stderr.write(`ddb: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}
