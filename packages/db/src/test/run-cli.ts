import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pnpm db …` as `pnpm` does (tsx src/cli/main.ts), with `env` laid over this process's
 * environment (undefined removes a variable). `node --import tsx` is the same loader without the
 * extra wrapper process the `tsx` binary starts, which halves the start-up cost of each run.
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const merged = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: packageDir, env: merged },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** Whether `output` holds stack frames ("    at fn (file.ts:1:2)"): a failure must be a readable message instead. */
export function hasStackTrace(output: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(output);
}
