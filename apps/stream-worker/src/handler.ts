import { loadConfigOrExit } from '@cruddur/config';
import { applyStreamRecords, createDdbContext } from '@cruddur/ddb';
import { resolveDatabaseUrl } from '@cruddur/db';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createPgPublisher, type LivePublisher } from '@cruddur/live';
import { handlerEnv, type HandlerConfig } from './config';
import { createLogger, type Logger } from './logger';
import { processBatch, type ApplyRecords } from './process-batch';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** A Lambda stream handler around `apply`; reports the first failed record (ReportBatchItemFailures). */
export function createHandler(
  apply: ApplyRecords,
  logger: Logger,
  publisher?: LivePublisher,
): StreamHandler {
  return async (event) => {
    const { batchItemFailures } = await processBatch(event.Records, apply, { logger, publisher });
    return { batchItemFailures };
  };
}

/** The live publisher the configuration asks for, saying once when there is none. */
export function livePublisher(
  config: Pick<HandlerConfig, 'DATABASE_URL'>,
  logger: Logger,
): LivePublisher | undefined {
  if (config.DATABASE_URL) return createPgPublisher(config.DATABASE_URL);
  logger.warn('DATABASE_URL is not set: changes are not announced for live delivery');
  return undefined;
}

let containerHandler: StreamHandler | undefined;

/**
 * The Lambda entry point. Configuration is read and the client built on the first event, then
 * reused for the container's life; not at import, so that importing this package has no effects.
 */
export const handler: StreamHandler = async (event) => {
  if (!containerHandler) {
    // On AWS DATABASE_URL comes from the secret DATABASE_URL_SECRET_ARN names (infra/).
    await resolveDatabaseUrl(process.env);
    const config = loadConfigOrExit('stream-worker', handlerEnv);
    const ctx = createDdbContext(config);
    const logger = createLogger(config.LOG_LEVEL);
    containerHandler = createHandler(
      (records) => applyStreamRecords(ctx, records),
      logger,
      livePublisher(config, logger),
    );
  }
  return containerHandler(event);
};
