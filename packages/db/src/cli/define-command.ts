import { Command } from 'commander';
import { describeError } from './describe-error';

export interface CommandContext {
  /** A line about work in progress, on stderr so that stdout stays a clean result. */
  progress: (message: string) => void;
}

export interface CommandSpec<O, T> {
  name: string;
  description: string;
  /** Options besides --json, as [flags, description]. */
  options?: [string, string][];
  work: (options: O, ctx: CommandContext) => Promise<T>;
  /** The result for people; --json prints it as JSON instead. */
  render: (result: T) => string;
}

/**
 * A `pnpm db` command: prints its result for people (or as JSON with --json), and a failure as one
 * line on stderr (plus `{ "error": … }` on stdout with --json) with exit code 1. Configuration is
 * read inside `work` with loadConfigOrExit, which stops with its own message and code 78.
 */
export function defineCommand<O extends object, T>(spec: CommandSpec<O, T>): Command {
  const command = new Command(spec.name).description(spec.description);
  for (const [flags, description] of spec.options ?? []) command.option(flags, description);
  return command
    .option('--json', 'print the result as JSON')
    .action(async (options: O & { json?: boolean }) => {
      const progress = (message: string) => process.stderr.write(`db ${spec.name}: ${message}…\n`);
      try {
        const result = await spec.work(options, { progress });
        process.stdout.write(
          options.json ? `${JSON.stringify(result, null, 2)}\n` : `${spec.render(result)}\n`,
        );
      } catch (error) {
        const message = describeError(error);
        process.stderr.write(`db ${spec.name}: ${message}\n`);
        if (options.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
        process.exitCode = 1;
      }
    });
}
