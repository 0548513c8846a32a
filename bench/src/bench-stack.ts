import { loadApiConfig, type ApiConfig } from '@cruddur/api';
import { createCognitoClient, signIn } from '@cruddur/cognito';
import { DEV_PASSWORD, SEED_USERS } from '@cruddur/admin';
import { createPool, findUserByHandle } from '@cruddur/db';
import { createDdbContext, listMessageGroups } from '@cruddur/ddb';
import { startLocalStack, type LocalStack } from '@cruddur/local-stack';
import { type Scenario } from './operations';

export interface BenchStack {
  /** The API's configuration for this stack, for instances started in this process. */
  config: ApiConfig;
  /** The stack's own API process. */
  apiUrl: string;
  /** The app client people sign in through. */
  clientId: string;
  /** The stack's stream worker (stopped while the sections that do not need it run). */
  worker: { start(): Promise<void>; stop(): Promise<void> };
  accessToken: string;
  scenario: Scenario;
  stop(): Promise<void>;
}

// The seeded conversation (docs/ARCHITECTURE.md): the caller and the other participant.
const CALLER = 'mira';
const OTHER = 'tomas';
const KEPT_LOG_LINES = 40;
const UNLIMITED_WRITES = { WRITE_RATE_LIMIT_PER_MINUTE: '1000000' };

/**
 * The stack as the end-to-end suite runs it (services, seed data, Cognito pool, API process) with
 * throw-away data, and @mira signed in with a real Cognito access token.
 */
export async function startBenchStack(
  progress: (message: string) => void,
  signal: AbortSignal,
): Promise<BenchStack> {
  const logs: string[] = [];
  const stack = await startLocalStack({
    mode: 'test',
    web: false,
    // The API section sends hundreds of messages as one person: the write limit is put out of
    // reach (its cost, one PostgreSQL upsert per write, is still in every figure).
    apiEnv: UNLIMITED_WRITES,
    onProgress: progress,
    signal,
    log: (source, line) => {
      logs.push(`[${source}] ${line}`);
      if (logs.length > KEPT_LOG_LINES) logs.shift();
    },
  });
  try {
    signal.throwIfAborted();
    // No section needs the stack's stream worker (the lag benchmark runs its own poller on its own
    // table), and applying pattern E to every message the API benchmark creates would take CPU
    // from the runs being measured.
    progress('stopping the stack’s stream worker (not measured)');
    await stack.stopWorker();
    const config = loadApiConfig({ ...stack.env, ...UNLIMITED_WRITES, LOG_LEVEL: 'silent' });
    const signedIn = await signInCaller(stack, config, progress);
    signal.throwIfAborted();
    let stopping: Promise<void> | undefined;
    return {
      config,
      apiUrl: stack.urls.api,
      clientId: stack.clientId,
      worker: { start: () => stack.startWorker(), stop: () => stack.stopWorker() },
      ...signedIn,
      // Ctrl-C and the end of the run may both ask.
      stop: () => (stopping ??= stack.stop()),
    };
  } catch (error) {
    await stack.stop();
    const recent = logs.length > 0 ? `\n--- last lines of the stack ---\n${logs.join('\n')}` : '';
    throw new Error(`${(error as Error).message}${recent}`, { cause: error });
  }
}

async function signInCaller(
  stack: LocalStack,
  config: ApiConfig,
  progress: (message: string) => void,
): Promise<{ accessToken: string; scenario: Scenario }> {
  progress(`signing in @${CALLER} through Cognito`);
  const cognito = createCognitoClient(config);
  const pool = createPool(config.DATABASE_URL);
  const ddb = createDdbContext(config);
  try {
    const { accessToken } = await signIn({
      client: cognito,
      clientId: stack.clientId,
      username: SEED_USERS.find((user) => user.handle === CALLER)!.email,
      password: DEV_PASSWORD,
    });
    const me = await findUserByHandle(pool, CALLER);
    if (!me?.cognitoUserId) throw new Error(`@${CALLER} has no Cognito id in PostgreSQL`);
    const { items } = await listMessageGroups(ddb, me.uuid);
    const seeded = items.find((group) => group.other.handle === OTHER);
    if (!seeded) throw new Error(`the seeded conversation of @${CALLER} and @${OTHER} is missing`);
    return {
      accessToken,
      scenario: {
        cognitoUserId: me.cognitoUserId,
        messageGroupUuid: seeded.messageGroupUuid,
        otherHandle: OTHER,
      },
    };
  } finally {
    cognito.destroy();
    ddb.client.destroy();
    await pool.end();
  }
}
