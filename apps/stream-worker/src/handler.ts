import { loadConfigOrExit } from '@cruddur/config';
import { applyStreamRecords, createDdbContext } from '@cruddur/ddb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { handlerEnv } from './config';
import { createLogger, type Logger } from './logger';
import { processBatch, type ApplyRecords } from './process-batch';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** A Lambda stream handler around `apply`; reports the first failed record (ReportBatchItemFailures). */
export function createHandler(apply: ApplyRecords, logger: Logger): StreamHandler {
  return async (event) => {
    const { batchItemFailures } = await processBatch(event.Records, apply, { logger });
    return { batchItemFailures };
  };
}

let containerHandler: StreamHandler | undefined;

/**
 * The Lambda entry point. Configuration is read and the client built on the first event, then
 * reused for the container's life; not at import, so that importing this package has no effects.
 */
export const handler: StreamHandler = async (event) => {
  if (!containerHandler) {
    const config = loadConfigOrExit('stream-worker', handlerEnv);
    const ctx = createDdbContext(config);
    containerHandler = createHandler(
      (records) => applyStreamRecords(ctx, records),
      createLogger(config.LOG_LEVEL),
    );
  }
  return containerHandler(event);
};
