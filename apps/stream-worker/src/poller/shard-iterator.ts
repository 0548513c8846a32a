import {
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import type { Logger } from '../logger';

export interface ShardPosition {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  shardId: string;
  /** The last processed record; undefined = from the oldest record still in the shard. */
  after: string | undefined;
  signal: AbortSignal;
  logger: Logger;
}

/**
 * An iterator just past the checkpoint, or at TRIM_HORIZON without one. A checkpoint older than the
 * 24-hour retention has nothing left to resume from: the shard restarts at its oldest record.
 */
export async function openShardIterator({
  streams,
  streamArn,
  shardId,
  after,
  signal,
  logger,
}: ShardPosition): Promise<string | undefined> {
  const open = async (
    position:
      | { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER'; SequenceNumber: string }
      | { ShardIteratorType: 'TRIM_HORIZON' },
  ) => {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...position }),
      {
        abortSignal: signal,
      },
    );
    return ShardIterator;
  };
  if (after === undefined) return open({ ShardIteratorType: 'TRIM_HORIZON' });
  try {
    return await open({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after });
  } catch (error) {
    if (!(error instanceof TrimmedDataAccessException)) throw error;
    logger.warn(
      { shardId, checkpoint: after },
      'checkpoint is older than the stream keeps: restarting the shard from TRIM_HORIZON',
    );
    return open({ ShardIteratorType: 'TRIM_HORIZON' });
  }
}
