import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '@cruddur/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

const entry = fileURLToPath(new URL('./server.ts', import.meta.url));
const cwd = fileURLToPath(new URL('..', import.meta.url));

/** The entry point as `pnpm dev` runs it: `node --import tsx src/server.ts`. */
function startEntry(env: Record<string, string | undefined>): {
  proc: ChildProcess;
  output: () => string;
} {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { proc, output: () => output };
}

let fx: ApiFixture;
beforeAll(async () => {
  fx = await startApiFixture();
});
afterAll(() => fx?.close());

describe('src/server.ts', () => {
  it('announces itself, serves /healthz, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { config } = fx;
    const { proc, output } = startEntry({
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      DDB_TABLE_NAME: config.DDB_TABLE_NAME,
      COGNITO_USER_POOL_ID: config.COGNITO_USER_POOL_ID,
      COGNITO_CLIENT_ID: config.COGNITO_CLIENT_ID,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const exited = once(proc, 'exit');
    try {
      await waitUntil(
        'the listening line',
        async () => output().includes(`api listening on http://localhost:${port}\n`),
        { timeoutMs: 30_000 },
      );
      expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited).toEqual([0, null]);
  });

  it('stops with one readable message and exit code 78 when the configuration is invalid', async () => {
    const { proc, output } = startEntry({ AWS_REGION: 'moon', PORT: 'eighty' });
    const [code] = (await once(proc, 'exit')) as [number];
    expect(code).toBe(78);
    expect(output()).toContain('api: invalid configuration');
    expect(output()).toContain('AWS_REGION: must look like us-east-1');
    expect(output()).toContain('PORT:');
    expect(output()).not.toMatch(/\n\s+at /);
  });
});
