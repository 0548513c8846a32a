import { ConfigError, EXIT_CODES, loadConfig } from '@cruddur/config';
import { Command, CommanderError } from 'commander';
import { commandPath, isGroup, type AnyCommand, type CommandIO } from './command';
import { describeError } from './describe-error';

export interface ProgramSpec {
  /** How people run it: `pnpm ddb`. */
  usageName: string;
  /** What its messages start with: `ddb`. */
  name: string;
  description: string;
  commands: AnyCommand[];
}

/**
 * The commands as a commander program. Every command takes --json. The exit code says how it
 * ended: 0 done, 1 failed (one line on stderr, and `{ "error": … }` on stdout with --json),
 * 2 wrong usage (commander's message and a hint), 78 invalid configuration (one message naming
 * every problem).
 */
export function buildProgram(spec: ProgramSpec): Command {
  const program = new Command(spec.usageName)
    .description(spec.description)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const prefix = (command: Command) =>
    [spec.name, ...commandPath(command).split(' ').filter(Boolean)].join(' ');

  const add = (parent: Command, command: AnyCommand) => {
    const sub = parent.command(command.name).description(command.description).exitOverride();
    if (isGroup(command)) {
      sub.showHelpAfterError('(add --help for usage)');
      for (const child of command.commands) add(sub, child);
      return;
    }
    for (const argument of command.arguments ?? [])
      sub.argument(`<${argument.name}>`, argument.description);
    for (const option of command.options ?? []) {
      if (option.parse)
        sub.option(
          option.flags,
          option.description,
          (v: string) => option.parse!(v),
          option.default,
        );
      else sub.option(option.flags, option.description, option.default as string | undefined);
    }
    sub.option('--json', 'print the result as JSON').action(async () => {
      const options = sub.opts<{ json?: boolean }>();
      const json = Boolean(options.json);
      const who = prefix(sub);
      const io: CommandIO = {
        json,
        progress: (line) => process.stderr.write(`${who}: ${line}\n`),
        config: (schema) => loadConfig(who, schema),
      };
      try {
        const result: unknown = await command.run({
          args: sub.processedArgs as string[],
          options,
          io,
        });
        process.stdout.write(
          json
            ? `${JSON.stringify(command.json ? command.json(result) : result, null, 2)}\n`
            : `${command.render(result)}\n`,
        );
      } catch (error) {
        const message = describeError(error);
        if (error instanceof ConfigError) {
          process.stderr.write(`${message}\n`);
          process.exitCode = EXIT_CODES.config;
          return;
        }
        process.stderr.write(`${who}: ${message}\n`);
        if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
        process.exitCode = EXIT_CODES.failure;
      }
    });
  };
  for (const command of spec.commands) add(program, command);
  return program;
}

/** Runs the program on `argv` and sets the process's exit code. */
export async function runProgram(spec: ProgramSpec, argv = process.argv): Promise<void> {
  try {
    await buildProgram(spec).parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // commander has printed the help or the usage problem already.
    process.exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
}
