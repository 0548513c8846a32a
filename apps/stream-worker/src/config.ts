import { dynamoEnv, logLevel, postgresEnv } from '@cruddur/config';
import { z } from 'zod';

/**
 * What the Lambda handler reads: the DynamoDB settings, the log level, and where live delivery
 * is published (PostgreSQL's LISTEN/NOTIFY; unset: no live announcements, the rows are still kept).
 */
export const handlerEnv = dynamoEnv.extend({
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresEnv.shape.DATABASE_URL.optional(),
});
export type HandlerConfig = z.infer<typeof handlerEnv>;

/** The local poller also needs a durable place for its checkpoints and an idle polling ceiling. */
export const pollerEnv = handlerEnv.extend({
  STREAM_CHECKPOINT_DIR: z.string().default('.data/stream-worker'),
  STREAM_IDLE_MAX_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(10, 'must be at least 10 ms')
    .max(60_000, 'must be at most 60000 ms')
    .default(1_000),
});
export type PollerConfig = z.infer<typeof pollerEnv>;

/** DynamoDB Local serves both APIs on one port, so a lone DynamoDB endpoint also means the streams one. */
export function streamsEndpoint(
  env: Pick<HandlerConfig, 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_DYNAMODB_STREAMS'>,
): string | undefined {
  return env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS ?? env.AWS_ENDPOINT_URL_DYNAMODB;
}
