import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { awsCredentials, type AwsCredentialsEnv } from '@cruddur/config';
import { waitUntil } from '@cruddur/devstack';
import type { DynamoDBRecord } from 'aws-lambda';
import { type DdbContext } from '../context';

/**
 * The table's stream as the worker would receive it, read from DynamoDB Local's Streams API: real
 * records, including those of pattern E's own writes.
 */
export function streamReader(
  ctx: DdbContext,
  env: {
    AWS_REGION?: string;
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS?: string;
  } & AwsCredentialsEnv = process.env,
) {
  const streams = new DynamoDBStreamsClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS,
    ...awsCredentials(env),
  });

  /** Every record since the table was created, in stream order per shard. */
  async function all(): Promise<DynamoDBRecord[]> {
    const { Table } = await ctx.client.send(new DescribeTableCommand({ TableName: ctx.tableName }));
    const StreamArn = Table!.LatestStreamArn!;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }));
    const records: DynamoDBRecord[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      while (ShardIterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
        // The SDK's stream record and aws-lambda's describe the same JSON.
        records.push(...((page.Records ?? []) as DynamoDBRecord[]));
        if (!page.Records?.length) break;
        ShardIterator = page.NextShardIterator;
      }
    }
    return records;
  }

  /** Waits until the stream shows the INSERT of the item with this key, and returns it. */
  async function insertOf(pk: string, sk: string): Promise<DynamoDBRecord> {
    let found: DynamoDBRecord | undefined;
    await waitUntil(
      `stream record of ${pk} / ${sk}`,
      async () => {
        found = (await all()).find(
          (r) =>
            r.eventName === 'INSERT' &&
            r.dynamodb?.Keys?.pk?.S === pk &&
            r.dynamodb.Keys.sk?.S === sk,
        );
        return found !== undefined;
      },
      { timeoutMs: 10_000 },
    );
    return found!;
  }

  return { all, insertOf, close: () => streams.destroy() };
}
