import { ManagedProcess, waitUntil } from '@cruddur/devstack';
import { join } from 'node:path';
import { API_DIR, WEB_DIR, WORKER_DIR } from './paths';

export type LogSink = (source: string, line: string) => void;

function tsxProcess(
  name: string,
  cwd: string,
  entry: string,
  env: Record<string, string>,
  log: LogSink,
): ManagedProcess {
  // `--import tsx` runs the TypeScript entry directly, as `pnpm --filter … start` would.
  return new ManagedProcess(name, process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env: { ...process.env, ...env },
    onOutput: (line) => log(name, line),
  });
}

async function ready(
  proc: ManagedProcess,
  what: string,
  probe: () => Promise<boolean>,
): Promise<ManagedProcess> {
  try {
    await waitUntil(what, probe, { alive: () => proc.alive, timeoutMs: 90_000, intervalMs: 200 });
    return proc;
  } catch (error) {
    await proc.stop();
    throw new Error(
      `${(error as Error).message}\n--- last output of ${proc.name} ---\n${proc.output()}`,
    );
  }
}

const httpOk = (url: string) => async () => (await fetch(url)).ok;

export async function startApi(
  env: Record<string, string>,
  port: number,
  log: LogSink,
): Promise<ManagedProcess> {
  const proc = tsxProcess('api', API_DIR, 'src/server.ts', { ...env, PORT: String(port) }, log);
  return ready(proc, `the API on port ${port}`, httpOk(`http://localhost:${port}/healthz`));
}

/** The Cognito triggers behind a local Lambda Invoke API, for cognito-local to call (src/triggers-server.ts). */
export async function startTriggers(
  env: Record<string, string>,
  port: number,
  log: LogSink,
): Promise<ManagedProcess> {
  const proc = tsxProcess(
    'triggers',
    API_DIR,
    'src/triggers-server.ts',
    {
      DATABASE_URL: env.DATABASE_URL!,
      PORT: String(port),
      BIND_HOST: env.BIND_HOST ?? '127.0.0.1',
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    },
    log,
  );
  return ready(proc, `the Cognito triggers on port ${port}`, async () =>
    proc.output().includes('cognito triggers listening on'),
  );
}

export async function startWorker(
  env: Record<string, string>,
  checkpointDir: string,
  log: LogSink,
): Promise<ManagedProcess> {
  const proc = tsxProcess(
    'worker',
    WORKER_DIR,
    'src/poller-main.ts',
    { ...env, STREAM_CHECKPOINT_DIR: checkpointDir },
    log,
  );
  // The poller has no port; it is ready once it logs that it follows the stream.
  return ready(proc, 'the stream worker', async () =>
    /following|polling|listening/i.test(proc.output()),
  );
}

/**
 * `dev`: the Vite dev server with hot reload. `preview`: the production build served by
 * `vite preview` (what the end-to-end suite tests). Both proxy `/trpc` and `/cognito`, so the
 * browser talks to one origin.
 */
export async function startWeb(
  mode: 'dev' | 'preview',
  opts: { port: number; host: string; apiUrl: string; cognitoUrl: string },
  log: LogSink,
): Promise<ManagedProcess> {
  const vite = join(WEB_DIR, 'node_modules/vite/bin/vite.js');
  const args =
    mode === 'dev'
      ? [vite, '--host', opts.host, '--port', String(opts.port), '--strictPort']
      : [vite, 'preview', '--host', opts.host, '--port', String(opts.port), '--strictPort'];
  const proc = new ManagedProcess('web', process.execPath, args, {
    cwd: WEB_DIR,
    env: { ...process.env, API_PROXY_TARGET: opts.apiUrl, COGNITO_PROXY_TARGET: opts.cognitoUrl },
    onOutput: (line) => log('web', line),
  });
  return ready(proc, `the web app on port ${opts.port}`, httpOk(`http://localhost:${opts.port}/`));
}

/** `vite build` into apps/web/dist, once, before `preview`. */
export async function buildWeb(log: LogSink): Promise<void> {
  const vite = join(WEB_DIR, 'node_modules/vite/bin/vite.js');
  const proc = new ManagedProcess('web build', process.execPath, [vite, 'build'], {
    cwd: WEB_DIR,
    onOutput: (line) => log('web build', line),
  });
  const code = await proc.exit;
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${proc.output()}`);
}
