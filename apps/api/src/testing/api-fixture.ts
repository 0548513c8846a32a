import { bootstrapCognito, createCognitoClient, signIn } from '@cruddur/cognito';
import { loadConfig } from '@cruddur/config';
import { DEV_PASSWORD, SEED_USERS, setupUsersDatabase, updateCognitoUserIds } from '@cruddur/admin';
import { createPool, findUserByHandle } from '@cruddur/db';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import {
  createDdbContext,
  createTable,
  dropTable,
  type DdbContext,
  type UserRef,
} from '@cruddur/ddb';
import { originalSchemaLoad } from '@cruddur/ddb/testing';
import { createTestDatabase, uniqueName } from '@cruddur/devstack';
import { createPgPublisher, type LivePublisher } from '@cruddur/live';
import { createLogger, startPoller } from '@cruddur/stream-worker';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiEnv, type ApiConfig } from '../config';
import { createApiServer, type ApiServer, type ApiServerOptions } from '../http-server';
import { toUserRef } from '../user-ref';
import { apiClient, type ApiClient } from './trpc-client';

export type SeedHandle = 'mira' | 'tomas' | 'priya' | 'kenji' | 'zeynep';

export interface SignedInUser extends UserRef {
  sub: string;
  accessToken: string;
  idToken: string;
}

export interface ApiFixture {
  config: ApiConfig;
  /** The first instance's base URL. */
  url: string;
  users: Record<SeedHandle, SignedInUser>;
  /** mira's access token from a second app client of the same pool. */
  otherClientToken: string;
  /** A valid access token of a Cognito user that has no users row. */
  unmappedToken: string;
  /** A typed client of the first instance, signed in as `user` (or with a raw token), or anonymous. */
  client(user?: SignedInUser | string): ApiClient;
  /** Another instance of the same API (same stores), or one with some configuration changed. */
  startInstance(overrides?: Partial<ApiConfig>, options?: ApiServerOptions): Promise<ApiServer>;
  /** The instances' table (for fixtures written directly, as other code would). */
  ddb: DdbContext;
  /** How many items the table holds: "writes nothing" is checked against it. */
  itemCount(): Promise<number>;
  close(): Promise<void>;
}

const UNMAPPED = { handle: 'ghost', displayName: 'Not In Postgres', email: 'ghost@cruddur.dev' };

/**
 * One isolated world per test file: its own Cognito pool (seed users plus one without a users
 * row, two app clients), its own PostgreSQL database with the seed users mapped to their Cognito
 * subs, its own DynamoDB table, and an API instance on a free port.
 */
export async function startApiFixture({
  originalTable = false,
  worker = false,
}: {
  /** Create the table the original Python code's way (provisioned, no stream), as a team taking over has it. */
  originalTable?: boolean;
  /** Run the stream worker (pattern E, and its live announcements) on the table, in this process. */
  worker?: boolean;
} = {}): Promise<ApiFixture> {
  const env = process.env;
  const cognito = createCognitoClient(
    loadConfig(
      'api-test',
      apiEnv.pick({ AWS_REGION: true, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: true }),
      env,
    ),
  );
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  const instances: ApiServer[] = [];
  let ddb: DdbContext | undefined;
  let poller: { stop(): Promise<void>; dir: string; publisher: LivePublisher } | undefined;

  const close = async () => {
    await Promise.allSettled(instances.map((i) => i.close()));
    if (poller) {
      await poller.stop();
      await poller.publisher.close();
      await rm(poller.dir, { recursive: true, force: true });
    }
    if (ddb) await dropTable(ddb).catch(() => {});
    ddb?.client.destroy();
    await pool.end();
    await database.drop();
  };

  try {
    const poolName = uniqueName('api');
    const users = [...SEED_USERS, UNMAPPED];
    const { userPoolId, clientId } = await bootstrapCognito({
      client: cognito,
      poolName,
      users,
      password: DEV_PASSWORD,
    });
    // Same pool, a second app client: its tokens must not be accepted.
    const other = await bootstrapCognito({
      client: cognito,
      poolName,
      clientName: 'another-app',
      users,
      password: DEV_PASSWORD,
    });
    await setupUsersDatabase(pool);
    await updateCognitoUserIds({ pool, cognito, userPoolId });

    const config = loadConfig('api-test', apiEnv, {
      ...env,
      DATABASE_URL: database.url,
      DDB_TABLE_NAME: uniqueName('messages'),
      COGNITO_USER_POOL_ID: userPoolId,
      COGNITO_CLIENT_ID: clientId,
      LOG_LEVEL: 'silent',
    });
    ddb = createDdbContext(config, { report: () => {} });
    await (originalTable ? originalSchemaLoad(ddb.client, ddb.tableName) : createTable(ddb));
    if (worker) {
      const dir = await mkdtemp(join(tmpdir(), 'api-worker-'));
      const publisher = createPgPublisher(database.url);
      const started = startPoller({
        env: config,
        checkpointDir: dir,
        publisher,
        logger: createLogger('silent'),
        idleMaxMs: 50,
      });
      poller = { stop: () => started.stop(), dir, publisher };
      await started.following;
    }

    const session = (email: string, viaClient = clientId) =>
      signIn({ client: cognito, clientId: viaClient, username: email, password: DEV_PASSWORD });
    const signedIn = await Promise.all(
      SEED_USERS.map(async (seed): Promise<SignedInUser> => {
        const [row, tokens] = await Promise.all([
          findUserByHandle(pool, seed.handle),
          session(seed.email),
        ]);
        if (!row?.cognitoUserId)
          throw new Error(`seed user ${seed.handle} is not mapped to Cognito`);
        return {
          ...toUserRef(row),
          sub: row.cognitoUserId,
          accessToken: tokens.accessToken,
          idToken: tokens.idToken,
        };
      }),
    );
    const otherClientToken = (await session('mira@cruddur.dev', other.clientId)).accessToken;
    const unmappedToken = (await session(UNMAPPED.email)).accessToken;

    const startInstance = async (
      overrides: Partial<ApiConfig> = {},
      options: ApiServerOptions = {},
    ) => {
      const instance = await createApiServer(
        { ...config, ...overrides },
        { port: 0, graceMs: 1_000, ...options },
      );
      instances.push(instance);
      return instance;
    };
    const main = await startInstance();
    const tableItems = ddb;

    return {
      config,
      url: main.url,
      users: Object.fromEntries(signedIn.map((u) => [u.handle, u])) as Record<
        SeedHandle,
        SignedInUser
      >,
      otherClientToken,
      unmappedToken,
      client: (user) => apiClient(main.url, typeof user === 'string' ? user : user?.accessToken),
      startInstance,
      ddb: tableItems,
      itemCount: () => countItems(tableItems),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function countItems(ddb: DdbContext): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.client.send(
      new ScanCommand({
        TableName: ddb.tableName,
        Select: 'COUNT',
        ExclusiveStartKey: start as never,
        ConsistentRead: true,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
