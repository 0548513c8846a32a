import {
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  type Shard,
  type StreamStatus,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * The table exists but has no stream pattern E can use (the original's `schema-load` made
 * none): the message says which command turns it on.
 */
export class StreamUnusableError extends Error {
  override name = 'StreamUnusableError';
}

const FIX =
  'run `pnpm ddb schema-load` against it (on an existing table it only turns the stream on)';

/** The table's current stream ARN, or undefined while the table does not exist (yet). */
export async function findTableStream(
  ddb: DynamoDBClient,
  tableName: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  let table;
  try {
    ({ Table: table } = await ddb.send(new DescribeTableCommand({ TableName: tableName }), {
      abortSignal: signal,
    }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
  const spec = table?.StreamSpecification;
  if (!spec?.StreamEnabled || !table?.LatestStreamArn) {
    throw new StreamUnusableError(
      `table ${tableName} has no stream, which pattern E needs (NEW_IMAGE or NEW_AND_OLD_IMAGES): ${FIX}`,
    );
  }
  if (spec.StreamViewType !== 'NEW_IMAGE' && spec.StreamViewType !== 'NEW_AND_OLD_IMAGES') {
    throw new StreamUnusableError(
      `table ${tableName} streams ${spec.StreamViewType}, but pattern E needs NEW_IMAGE or NEW_AND_OLD_IMAGES: ${FIX}`,
    );
  }
  return table.LatestStreamArn;
}

/** Every shard of the stream (DescribeStream pages through them) and the stream's status. */
export async function describeShards(
  streams: DynamoDBStreamsClient,
  streamArn: string,
  signal: AbortSignal,
): Promise<{ status: StreamStatus | undefined; shards: Shard[] }> {
  const shards: Shard[] = [];
  let status: StreamStatus | undefined;
  let after: string | undefined;
  do {
    const { StreamDescription: page } = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: after }),
      { abortSignal: signal },
    );
    status = page?.StreamStatus;
    shards.push(...(page?.Shards ?? []));
    after = page?.LastEvaluatedShardId;
  } while (after);
  return { status, shards };
}
