import { createCognitoClient, signIn } from '@cruddur/cognito';
import { DEV_PASSWORD, SEED_USERS } from '@cruddur/admin';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '@cruddur/local-stack';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, type ApiClient } from './api-client';

export type Handle = 'mira' | 'tomas' | 'priya' | 'kenji' | 'zeynep';

export interface Person {
  handle: Handle;
  uuid: string;
  api: ApiClient;
  accessToken: string;
}

export interface RobustnessStack {
  stack: LocalStack;
  /** A seed user signed in through Cognito, with a typed API client carrying their access token. */
  /**
   * Signs `handle` in through Cognito and makes a first API call (so the API knows them), unless
   * `firstCall` is false.
   */
  signInAs(handle: Handle, options?: { firstCall?: boolean }): Promise<Person>;
  /** The last lines the API and the worker printed, for failure messages. */
  recentLogs: () => string;
  stop(): Promise<void>;
}

const KEPT_LOG_LINES = 60;

/**
 * The whole application as `pnpm dev` runs it, with its data on disk in a temporary folder so that
 * DynamoDB Local and PostgreSQL keep it across the restarts the tests inflict.
 */
export async function startRobustnessStack(
  options: Pick<LocalStackOptions, 'apiEnv' | 'instances'> = {},
): Promise<RobustnessStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cruddur-robustness-'));
  // PostgreSQL runs as its own system user when started as root and must reach its data folder.
  chmodSync(dataDir, 0o755);
  const logs: string[] = [];
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      mode: 'test',
      web: false,
      dataDir,
      ...options,
      // These suites load the API on purpose (a send every 50 ms per lane, 200 at once): the
      // per-person write limit would answer them 429. security/abuse-limits sets its own.
      apiEnv: { WRITE_RATE_LIMIT_PER_MINUTE: '1000000', ...options.apiEnv },
      log: (source, line) => {
        logs.push(`[${source}] ${line}`);
        if (logs.length > KEPT_LOG_LINES) logs.shift();
      },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const cognito = createCognitoClient({
    AWS_REGION: stack.env.AWS_REGION!,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: stack.urls.cognito,
  });

  return {
    stack,
    signInAs: async (handle, { firstCall = true } = {}) => {
      const seed = SEED_USERS.find((u) => u.handle === handle)!;
      const { accessToken } = await signIn({
        client: cognito,
        clientId: stack.clientId,
        username: seed.email,
        password: DEV_PASSWORD,
      });
      const api = apiClient(stack.urls.api, accessToken);
      if (!firstCall) return { handle, uuid: '', api, accessToken };
      const me = await api.users.me.query();
      return { handle, uuid: me.uuid, api, accessToken };
    },
    recentLogs: () => logs.join('\n'),
    stop: async () => {
      cognito.destroy();
      try {
        await stack.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
