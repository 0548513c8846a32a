import { loadApiConfig } from './config';
import { createApiServer } from './http-server';

// The Node entry point: `pnpm --filter @cruddur/api dev` / `start`, and what `pnpm dev` runs.
const config = loadApiConfig();
const api = await createApiServer(config).catch((error: unknown) => {
  process.stderr.write(
    `api: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
// Printed whatever LOG_LEVEL is: people and scripts (apps/local-stack) wait for this line.
process.stdout.write(`api listening on ${api.url}\n`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  api.services.logger.info(`${signal}: draining requests`);
  api.close().then(
    () => process.exit(0),
    (error: unknown) => {
      api.services.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
