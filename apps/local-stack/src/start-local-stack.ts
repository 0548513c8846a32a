import {
  bindHost,
  DEV_PORTS,
  freePort,
  startServices,
  type CodeDelivery,
  type ManagedProcess,
  type RunningServices,
  type ServiceName,
} from '@cruddur/devstack';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRIGGER_FUNCTIONS } from '@cruddur/api';
import {
  buildWeb,
  startApi,
  startTriggers,
  startWeb,
  startWorker,
  type LogSink,
} from './app-processes';
import { prepareData } from './prepare-data';

export interface LocalStackOptions {
  /** `dev`: fixed ports, data on disk under `dataDir`, Vite dev server. `test`: free ports, throw-away data, production web build. */
  mode: 'dev' | 'test';
  /** In dev mode, free ports instead of the fixed ones (a second stack beside a running one, tests). */
  freePorts?: boolean;
  dataDir?: string;
  /** Start the web app (default true). */
  web?: boolean;
  /**
   * How many API instances (default 1), each with a web server of its own in front: live
   * delivery between people on different instances is tested that way.
   */
  instances?: number;
  /** Settings for the API instances beyond the stack's own (limits a test wants lower, say). */
  apiEnv?: Record<string, string>;
  /** Use services that are already running (docker compose, AWS) when their variables are set. */
  externalEnv?: NodeJS.ProcessEnv;
  log?: LogSink;
  onProgress?: (message: string) => void;
  /**
   * Each confirmation or password-reset code cognito-local "sends" (it mails nothing: it logs
   * them, and this reports them as they are logged). `pnpm dev` prints them.
   */
  onCode?: (delivery: CodeDelivery) => void;
  /** Aborting (Ctrl-C during start-up) stops what has started so far and rejects. */
  signal?: AbortSignal;
}

export interface LocalStack {
  env: Record<string, string>;
  urls: { web?: string; api: string; dynamodb: string; cognito: string; database: string };
  /** Every instance's API and web server (the first is `urls.api` and `urls.web`). */
  instances: { api: string; web?: string }[];
  services: RunningServices;
  userPoolId: string;
  clientId: string;
  /** The worker can be stopped and started again (robustness tests, restarts). */
  restartWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /** SIGKILL, as a crash would: the worker gets no chance to save its checkpoints. */
  killWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the first process of the stack (a service or an app) ends, naming it. */
  firstExit(): Promise<{ name: string; code: number | null }>;
}

const DEV_APP_PORTS = { api: 4000, web: 5173, triggers: 9230 } as const;

/** Which services to start here and which the caller already provides through the environment. */
function servicesToStart(external: NodeJS.ProcessEnv): ServiceName[] {
  const wanted: ServiceName[] = [];
  if (!external.AWS_ENDPOINT_URL_DYNAMODB) wanted.push('dynamodb');
  if (!external.DATABASE_URL) wanted.push('postgres');
  if (!external.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) wanted.push('cognito');
  return wanted;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const signal = options.signal;
  // Every step reports progress first, so that is where an abort takes effect.
  const progress = (message: string) => {
    signal?.throwIfAborted();
    options.onProgress?.(message);
  };
  const log: LogSink = options.log ?? (() => {});
  const external = options.externalEnv ?? {};
  const dev = options.mode === 'dev';
  const fixedPorts = dev && !options.freePorts;
  const dataDir = options.dataDir;
  const host = bindHost(external);

  const wanted = servicesToStart(external);
  // cognito-local started here calls the app's PreSignUp and PostConfirmation triggers through the
  // Lambda Invoke API, which a process of the stack answers on this port (started once the
  // database is ready; nobody signs up before the stack is up).
  const triggersPort = fixedPorts ? DEV_APP_PORTS.triggers : await freePort();
  const withTriggers = wanted.includes('cognito');
  const services = await startServices({
    services: wanted,
    dataDir,
    host,
    ports: fixedPorts ? DEV_PORTS : undefined,
    database: 'cruddur',
    onProgress: options.onProgress,
    cognito: {
      triggers: withTriggers
        ? { endpoint: `http://127.0.0.1:${triggersPort}`, functions: TRIGGER_FUNCTIONS }
        : undefined,
      onCode: options.onCode,
    },
  });
  const processes: ManagedProcess[] = [];
  // Throw-away stacks keep the worker's checkpoints in a temporary folder removed on stop.
  const scratchDir = mkdtempSync(join(tmpdir(), 'cruddur-stack-'));
  const cleanScratch = () => rmSync(scratchDir, { recursive: true, force: true });
  const stopProcesses = async () => {
    await Promise.allSettled(
      processes
        .splice(0)
        .reverse()
        .map((p) => p.stop()),
    );
  };

  try {
    const env: Record<string, string> = {
      ...services.env,
      ...pickDefined(external, [
        'AWS_REGION',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_ENDPOINT_URL_DYNAMODB',
        'AWS_ENDPOINT_URL_DYNAMODB_STREAMS',
        'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
        'DATABASE_URL',
      ]),
      DDB_TABLE_NAME: external.DDB_TABLE_NAME ?? 'cruddur-messages',
    };
    env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS ??= env.AWS_ENDPOINT_URL_DYNAMODB!;

    const { userPoolId, clientId } = await prepareData(env, progress);
    env.COGNITO_USER_POOL_ID = userPoolId;
    env.COGNITO_CLIENT_ID = clientId;

    if (withTriggers) {
      progress('starting the Cognito triggers (sign-up checks, users rows)');
      processes.push(
        await startTriggers(
          { ...env, BIND_HOST: host, LOG_LEVEL: dev ? 'info' : 'warn' },
          triggersPort,
          log,
        ),
      );
    }

    const withWeb = options.web ?? true;
    const instances = await Promise.all(
      Array.from({ length: options.instances ?? 1 }, async (_, i) => {
        const first = fixedPorts && i === 0;
        const api = first ? DEV_APP_PORTS.api : await freePort();
        const web = first ? DEV_APP_PORTS.web : await freePort();
        return {
          apiPort: api,
          webPort: web,
          api: `http://localhost:${api}`,
          web: `http://localhost:${web}`,
        };
      }),
    );
    const [{ api: apiUrl, web: webUrl }] = instances as [(typeof instances)[number]];

    for (const [i, instance] of instances.entries()) {
      progress(instances.length > 1 ? `starting API instance ${i + 1}` : 'starting the API');
      processes.push(
        await startApi(
          {
            ...env,
            WEB_ORIGIN: instance.web,
            BIND_HOST: host,
            LOG_LEVEL: dev ? 'info' : 'warn',
            ...options.apiEnv,
          },
          instance.apiPort,
          log,
        ),
      );
    }

    const checkpointDir = dataDir ? join(dataDir, 'stream-worker') : scratchDir;
    let worker: ManagedProcess | undefined;
    const startWorkerProcess = async () => {
      progress('starting the stream worker');
      worker = await startWorker(env, checkpointDir, log);
      processes.push(worker);
    };
    const stopWorkerProcess = async (how: 'stop' | 'kill' = 'stop') => {
      if (!worker) return;
      await (how === 'kill' ? worker.kill() : worker.stop());
      processes.splice(processes.indexOf(worker), 1);
      worker = undefined;
    };
    await startWorkerProcess();

    if (withWeb) {
      if (!dev) {
        progress('building the web app');
        await buildWeb(log);
      }
      for (const instance of instances) {
        progress('starting the web app');
        processes.push(
          await startWeb(
            dev ? 'dev' : 'preview',
            {
              port: instance.webPort,
              host,
              apiUrl: instance.api,
              cognitoUrl: env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
            },
            log,
          ),
        );
      }
    }

    signal?.throwIfAborted();
    return {
      env,
      services,
      userPoolId,
      clientId,
      urls: {
        web: withWeb ? webUrl : undefined,
        api: apiUrl,
        dynamodb: env.AWS_ENDPOINT_URL_DYNAMODB!,
        cognito: env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
        database: env.DATABASE_URL!,
      },
      instances: instances.map((i) => ({ api: i.api, web: withWeb ? i.web : undefined })),
      startWorker: startWorkerProcess,
      stopWorker: () => stopWorkerProcess('stop'),
      killWorker: () => stopWorkerProcess('kill'),
      restartWorker: async () => {
        await stopWorkerProcess();
        await startWorkerProcess();
      },
      stop: async () => {
        await stopProcesses();
        await services.stop();
        cleanScratch();
      },
      firstExit: () =>
        Promise.race([
          services.firstExit(),
          ...processes.map((p) => p.exit.then((code) => ({ name: p.name, code }))),
        ]),
    };
  } catch (error) {
    await stopProcesses();
    await services.stop();
    cleanScratch();
    throw error;
  }
}

function pickDefined(env: NodeJS.ProcessEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}
