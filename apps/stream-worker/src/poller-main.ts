/**
 * `pnpm dev` / `pnpm start`: the local stand-in for the Lambda event source. Follows the table's
 * stream until SIGINT or SIGTERM, then finishes the batch in hand and saves its checkpoint.
 */
import { EXIT_CODES, loadConfigOrExit } from '@cruddur/config';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pollerEnv } from './config';
import { livePublisher } from './handler';
import { createLogger } from './logger';
import { startPoller } from './poller/poller';

const HELP = `Usage: pnpm --filter @cruddur/stream-worker dev [--help]

Follows the DynamoDB stream of DDB_TABLE_NAME and keeps every message group row at its latest
message (pattern E), like the Lambda handler does on AWS. Logs are JSON lines.

Environment:
  AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_DYNAMODB_STREAMS, DDB_TABLE_NAME
  DATABASE_URL           PostgreSQL, where changes are announced for live delivery (optional)
  STREAM_CHECKPOINT_DIR  where progress is saved per stream (default .data/stream-worker)
  STREAM_IDLE_MAX_MS     longest wait between polls of an idle shard (default 1000)
  LOG_LEVEL              fatal|error|warn|info|debug|trace|silent (default info)

Exit codes: 0 stopped by a signal, 1 failed, 2 bad arguments, 78 bad configuration.`;

try {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
} catch (error) {
  process.stderr.write(`stream-worker: ${(error as Error).message.split('\n')[0]} (see --help)\n`);
  process.exit(EXIT_CODES.usage);
}

const config = loadConfigOrExit('stream-worker', pollerEnv);
const logger = createLogger(config.LOG_LEVEL);
const publisher = livePublisher(config, logger);
const poller = startPoller({
  publisher,
  env: config,
  checkpointDir: resolve(config.STREAM_CHECKPOINT_DIR),
  idleMaxMs: config.STREAM_IDLE_MAX_MS,
  logger,
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for the batch in hand');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    void poller.stop();
  });
}

try {
  await poller.done;
  await publisher?.close();
  logger.info('stopped');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal(`stream worker failed: ${message}`);
  process.exitCode = EXIT_CODES.failure;
}
