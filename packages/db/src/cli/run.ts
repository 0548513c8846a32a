import { describeError } from './describe-error';

export interface CommandContext {
  json: boolean;
  /** A line about work in progress, on stderr so that stdout stays a clean result. */
  progress: (message: string) => void;
}

/**
 * Runs one command: prints its result for people (or as JSON with --json), and a failure as one
 * line on stderr (plus `{ "error": … }` on stdout with --json) with exit code 1.
 */
export async function run<T>(command: string, options: { json?: boolean }, work: (ctx: CommandContext) => Promise<T>, render: (result: T) => string): Promise<void> {
  const json = Boolean(options.json);
  const ctx: CommandContext = { json, progress: (message) => process.stderr.write(`db ${command}: ${message}…\n`) };
  try {
    const result = await work(ctx);
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${render(result)}\n`);
  } catch (error) {
    const message = describeError(error);
    process.stderr.write(`db ${command}: ${message}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    process.exitCode = 1;
  }
}
