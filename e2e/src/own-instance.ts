import { startApi, startWeb, type LogSink } from '@cruddur/local-stack';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { signIn } from './fixtures';
import { expectLive, test as base } from './sessions';

/**
 * An API instance of this test file's own, with a web server in front, beside the global
 * setup's stack (same databases, Cognito and pub/sub): tests can stop and restart it — an outage
 * as people meet it — without touching the instances other tests use.
 */
export interface OwnInstance {
  web: string;
  stopApi(): Promise<void>;
  /** Starts it again on the same port (resolves once it answers /healthz). */
  startApi(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const logDir = join(import.meta.dirname, '..', 'test-results');
const log: LogSink = (source, line) =>
  appendFileSync(join(logDir, 'own-instance.log'), `[${source}] ${line}\n`);

async function startOwnInstance() {
  mkdirSync(logDir, { recursive: true });
  const env = process.env as Record<string, string>;
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const web = `http://localhost:${webPort}`;
  const apiEnv = { WEB_ORIGIN: web, BIND_HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  let api: Awaited<ReturnType<typeof startApi>> | null = await startApi(apiEnv, apiPort, log);
  const webServer = await startWeb(
    'preview',
    {
      port: webPort,
      host: '127.0.0.1',
      apiUrl: `http://localhost:${apiPort}`,
      cognitoUrl: env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
    },
    log,
  );
  const instance: OwnInstance = {
    web,
    stopApi: async () => {
      await api?.stop();
      api = null;
    },
    startApi: async () => {
      api ??= await startApi(apiEnv, apiPort, log);
    },
  };
  return {
    instance,
    close: async () => {
      await Promise.allSettled([api?.stop(), webServer.stop()]);
    },
  };
}

export const test = base.extend<{ ownInstance: OwnInstance }, { ownStack: OwnInstance }>({
  ownStack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern.
    async ({}, use) => {
      const { instance, close } = await startOwnInstance();
      await use(instance);
      await close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  // Every test leaves the API running, whatever happened in it. An outage and the recovery
  // after it take longer than the default test time.
  ownInstance: async ({ ownStack }, use, testInfo) => {
    testInfo.setTimeout(150_000);
    await use(ownStack);
    await ownStack.startApi();
  },
  // Ana on this file's own instance (the test's `page`, the one whose API goes down), Ben on
  // the global stack's second, both in their conversation.
  twoInOneThread: async ({ page, person, conversation, signedIn }, use) => {
    await use(async () => {
      const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
      const groupUuid = await conversation(ana, ben);
      await signIn(page, ana);
      const benPage = await signedIn(ben, 2);
      await page.goto(`/messages/${groupUuid}`);
      await benPage.goto(`/messages/${groupUuid}`);
      await expectLive(page);
      return { ana, ben, groupUuid, anaPage: page, benPage };
    });
  },
  // The test's own page (`page`, checked by axe at the end) opens on this instance.
  baseURL: async ({ ownStack }, use) => use(ownStack.web),
});

export { expect } from './sessions';
