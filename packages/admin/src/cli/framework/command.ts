import { type Command } from 'commander';
import { type z } from 'zod';

/** What a running command may tell the person at the terminal besides its result. */
export interface CommandIO {
  /** --json was given: the result goes out as JSON. */
  json: boolean;
  /** A line about work in progress, on stderr so that stdout stays the result. */
  progress(line: string): void;
  /**
   * The environment validated against `schema`; a problem stops the command with exit code 78
   * and one message naming every variable at fault.
   */
  config<S extends z.ZodType>(schema: S): z.infer<S>;
}

export interface OptionSpec {
  flags: string;
  description: string;
  /** Turns the text into a value; throw commander's InvalidArgumentError for a usage error. */
  parse?: (value: string) => unknown;
  default?: unknown;
}

/**
 * One command of a CLI. `run` does the work and returns the result; `render` shows it to people
 * (--json prints the result itself). Modules that are slow to load (the AWS SDK, pg) should be
 * imported inside `run`, so that --help and usage errors answer at once.
 */
export interface CommandSpec<O = Record<string, never>, R = unknown> {
  name: string;
  description: string;
  /** Required positional arguments, in order. */
  arguments?: { name: string; description: string }[];
  options?: OptionSpec[];
  run(input: { args: string[]; options: O; io: CommandIO }): Promise<R>;
  render(result: R): string;
  /** What --json prints, when it is not the result itself. */
  json?: (result: R) => unknown;
}

/** Commands under a common word: `pnpm ddb patterns get-conversation`. */
export interface CommandGroup {
  name: string;
  description: string;
  commands: AnyCommand[];
}

// Each command's own option and result types are checked where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandSpec<any, any> | CommandGroup;

export function defineCommand<O, R>(spec: CommandSpec<O, R>): CommandSpec<O, R> {
  return spec;
}

export const isGroup = (command: AnyCommand): command is CommandGroup => 'commands' in command;

/** The words that name a command, for messages: `ddb patterns get-conversation`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
