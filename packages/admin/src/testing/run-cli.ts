import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pnpm db …` or `pnpm ddb …` as a process, as pnpm does (tsx on the entry point), with
 * `env` laid over this process's environment (undefined removes a variable; times print in UTC
 * unless TZ is given). `node --import tsx` is the same loader without the extra wrapper process
 * the `tsx` binary starts, which halves the start-up cost of each run.
 */
export function runCli(
  program: 'db' | 'ddb',
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    TZ: 'UTC',
    NODE_NO_WARNINGS: '1',
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `src/cli/${program}/main.ts`, ...args],
      { cwd: packageDir, env: merged, timeout: 60_000 },
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

/** The standard variables of the suite's DynamoDB Local, pointing at `table`. */
export function tableEnv(
  table: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { DDB_TABLE_NAME: table, ...extra };
}
