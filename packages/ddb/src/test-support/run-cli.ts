import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs `pnpm ddb …` as a person would, with exactly `env` (plus PATH), and collects what it printed. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['src/cli/main.ts', ...args],
      {
        cwd: packageDir,
        env: { PATH: process.env.PATH, TZ: 'UTC', NODE_NO_WARNINGS: '1', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The standard variables of the suite's services, pointing at `table`. */
export function serviceEnv(
  table: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const { AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_DYNAMODB } =
    process.env;
  return {
    AWS_REGION,
    AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY,
    AWS_ENDPOINT_URL_DYNAMODB,
    DDB_TABLE_NAME: table,
    ...extra,
  };
}
