import { join } from 'node:path';
import pg from 'pg';
import { startCognitoLocal, type CognitoLocal, type CognitoLocalOptions } from './cognito-local';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { startPostgres, type LocalPostgres } from './postgres';

export type ServiceName = 'dynamodb' | 'postgres' | 'cognito';

/** Fixed ports for `pnpm dev` (documented in the README and docker-compose.yml). */
export const DEV_PORTS = { dynamodb: 8000, postgres: 5432, cognito: 9229 } as const;

export interface StartServicesOptions {
  services?: readonly ServiceName[];
  /** Keep data on disk under this folder (dev); omit for throw-away, in-memory services (tests). */
  dataDir?: string;
  ports?: Partial<Record<ServiceName, number>>;
  /** A database the dev stack creates and points DATABASE_URL at; tests keep the admin database. */
  database?: string;
  /** An existing PostgreSQL to use instead of starting one (normally process.env.DATABASE_URL). */
  databaseUrl?: string;
  /** Where the services listen: loopback unless BIND_HOST says otherwise. */
  host?: string;
  onProgress?: (message: string) => void;
  /** cognito-local's Lambda triggers and where its codes go (see `startCognitoLocal`). */
  cognito?: Pick<CognitoLocalOptions, 'triggers' | 'onCode'>;
}

export interface RunningServices {
  /** The standard environment variables that point programs at these services. */
  env: Record<string, string>;
  dynamodb?: DynamoDbLocal;
  postgres?: LocalPostgres;
  cognito?: CognitoLocal;
  stop(): Promise<void>;
  /** Resolves when the first of the started services' processes ends, naming it. */
  firstExit(): Promise<{ name: string; code: number | null }>;
}

/** Starts the requested services side by side; if one fails, the ones already up are stopped. */
export async function startServices(options: StartServicesOptions = {}): Promise<RunningServices> {
  const services = options.services ?? ['dynamodb', 'postgres', 'cognito'];
  const progress = options.onProgress ?? (() => {});
  const started: { stop(): Promise<void> }[] = [];
  const env: Record<string, string> = {
    AWS_REGION: 'us-east-1',
    // DynamoDB Local and cognito-local accept any credentials, but the SDK insists on having some.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  const result: RunningServices = {
    env,
    stop: () => stopAll(started),
    firstExit: () =>
      Promise.race(
        (
          [
            ['DynamoDB Local', result.dynamodb],
            ['PostgreSQL', result.postgres],
            ['cognito-local', result.cognito],
          ] as const
        ).flatMap(([name, service]) =>
          service ? [service.exited().then((code) => ({ name, code }))] : [],
        ),
      ),
  };

  const track = async <T extends { stop(): Promise<void> }>(
    name: string,
    promise: Promise<T>,
  ): Promise<T> => {
    progress(`starting ${name}…`);
    const service = await promise;
    started.push(service);
    progress(`${name} ready`);
    return service;
  };

  const tasks = await Promise.allSettled([
    services.includes('dynamodb')
      ? track(
          'DynamoDB Local',
          startDynamoDbLocal({
            port: options.ports?.dynamodb,
            host: options.host,
            dataDir: options.dataDir && join(options.dataDir, 'dynamodb'),
          }),
        ).then((ddb) => {
          result.dynamodb = ddb;
          env.AWS_ENDPOINT_URL_DYNAMODB = ddb.endpoint;
          env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS = ddb.endpoint;
        })
      : undefined,
    services.includes('postgres')
      ? options.databaseUrl
        ? Promise.resolve().then(() => {
            env.DATABASE_URL = options.databaseUrl!;
            progress('PostgreSQL: using DATABASE_URL');
          })
        : track(
            'PostgreSQL',
            startPostgres({
              port: options.ports?.postgres,
              host: options.host,
              dataDir: options.dataDir && join(options.dataDir, 'postgres'),
            }),
          ).then(async (server) => {
            result.postgres = server;
            env.DATABASE_URL = options.database
              ? await ensureDatabase(server, options.database)
              : server.adminUrl;
          })
      : undefined,
    services.includes('cognito')
      ? track(
          'cognito-local',
          startCognitoLocal({
            port: options.ports?.cognito,
            host: options.host,
            stateDir: options.dataDir && join(options.dataDir, 'cognito'),
            ...options.cognito,
          }),
        ).then((cognito) => {
          result.cognito = cognito;
          env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = cognito.endpoint;
        })
      : undefined,
  ]);
  const failures = tasks.filter((t): t is PromiseRejectedResult => t.status === 'rejected');
  if (failures.length > 0) {
    await stopAll(started);
    throw new Error(
      failures
        .map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason)))
        .join('\n'),
    );
  }
  return result;
}

async function ensureDatabase(server: LocalPostgres, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return server.urlFor(database);
}

async function stopAll(services: { stop(): Promise<void> }[]): Promise<void> {
  await Promise.allSettled(
    services
      .splice(0)
      .reverse()
      .map((s) => s.stop()),
  );
}
