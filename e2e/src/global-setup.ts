import { startLocalStack } from '@cruddur/local-stack';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the whole stack on free ports with throw-away data: services, schema and seed, Cognito
 * pool, two API instances, stream worker and the production web build. Tests read its coordinates from the
 * environment; the returned function tears it all down.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const logDir = join(import.meta.dirname, '..', 'test-results');
  mkdirSync(logDir, { recursive: true });
  const logLines: string[] = [];
  const started = Date.now();
  // The codes cognito-local "sends" (it logs them), one JSON line each, for the sign-up tests to
  // read as a person reads them off the `pnpm dev` terminal (tests run in other processes).
  const codesDir = mkdtempSync(join(tmpdir(), 'cruddur-e2e-codes-'));
  const codesFile = join(codesDir, 'codes.jsonl');
  writeFileSync(codesFile, '');
  const stack = await startLocalStack({
    mode: 'test',
    // Two API instances, each behind its own web server: people on different instances must
    // see each other live (E2E_SECOND_BASE_URL is the second one).
    instances: 2,
    onProgress: (message) =>
      console.log(`[e2e setup +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`),
    log: (source, line) => logLines.push(`[${source}] ${line}`),
    onCode: (delivery) => appendFileSync(codesFile, `${JSON.stringify(delivery)}\n`),
  });
  Object.assign(process.env, stack.env, {
    E2E_BASE_URL: stack.urls.web,
    E2E_API_URL: stack.urls.api,
    E2E_SECOND_BASE_URL: stack.instances[1]!.web,
    E2E_CODES_FILE: codesFile,
  });
  console.log(
    `[e2e setup] stack ready in ${((Date.now() - started) / 1000).toFixed(1)}s at ${stack.urls.web}`,
  );
  return async () => {
    writeFileSync(join(logDir, 'stack.log'), logLines.join('\n'));
    await stack.stop();
    rmSync(codesDir, { recursive: true, force: true });
  };
}
