import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindHost } from './bind-host';
import { codeDeliveryReader, type CodeDelivery } from './cognito-codes';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const FLUSH_TARGET = 'AWSCognitoIdentityProviderService.CruddurFlushLog';

/** cognito-local's Lambda triggers, invoked through the Lambda Invoke API at `endpoint`. */
export interface CognitoTriggers {
  /** Anything that answers `POST /2015-03-31/functions/<name>/invocations`. */
  endpoint: string;
  /** Trigger (`PreSignUp`, `PostConfirmation`, …) → the function name sent to `endpoint`. */
  functions: Partial<Record<string, string>>;
}

export interface CognitoLocalOptions {
  port?: number;
  stateDir?: string;
  host?: string;
  triggers?: CognitoTriggers;
  /** Each confirmation or reset code cognito-local "sends" (it prints them instead of mailing). */
  onCode?: (delivery: CodeDelivery) => void;
}

export interface CognitoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** Resolves with the exit code when the process ends, for whatever reason. */
  exited(): Promise<number | null>;
}

/**
 * cognito-local serves the Cognito Identity Provider API and signs RS256 tokens. It keeps its
 * state in `.cognito/` under its working directory: `stateDir` for dev, a temporary one otherwise.
 */
export async function startCognitoLocal(options: CognitoLocalOptions = {}): Promise<CognitoLocal> {
  const port = options.port ?? (await freePort());
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'cruddur-cognito-'));
  const endpoint = `http://localhost:${port}`;
  mkdirSync(join(stateDir, '.cognito'), { recursive: true });
  // Tokens name the endpoint clients use (the issuer the API checks), whatever address it listens on.
  writeFileSync(
    join(stateDir, '.cognito', 'config.json'),
    JSON.stringify({
      TokenConfig: { IssuerDomain: endpoint },
      ServerConfig: { hostname: options.host ?? bindHost(), port },
      ...(options.triggers && {
        // cognito-local's AWS SDK insists on a region and credentials; the endpoint checks neither.
        LambdaClient: {
          endpoint: options.triggers.endpoint,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        },
        TriggerFunctions: options.triggers.functions,
      }),
    }),
  );
  const require = createRequire(import.meta.url);
  const bin = join(require.resolve('cognito-local/package.json'), '..', 'lib/bin/start.js');
  const proc = new ManagedProcess('cognito-local', process.execPath, [bin], {
    cwd: stateDir,
    env: { ...process.env, DEBUG: '' },
    onOutput: options.onCode && codeDeliveryReader(options.onCode),
  });
  // cognito-local 5.3.0's logger can hold back its latest line until it writes another (seen with
  // Lambda triggers configured), and a code box held back is a code nobody sees. A request for a
  // target it does not have makes it write one line; every second, while codes are being read.
  const flush = options.onCode
    ? setInterval(() => {
        fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': FLUSH_TARGET },
          body: '{}',
        }).catch(() => {});
      }, 1_000)
    : undefined;
  flush?.unref();
  try {
    await waitUntil(
      `cognito-local on port ${port}`,
      async () => (await fetch(`${endpoint}/health`)).ok,
      {
        alive: () => proc.alive,
      },
    );
  } catch (error) {
    clearInterval(flush);
    await proc.stop();
    throw new Error(`${(error as Error).message}\n${proc.output()}`);
  }
  return {
    endpoint,
    port,
    exited: () => proc.exit,
    stop: async () => {
      clearInterval(flush);
      await proc.stop();
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
