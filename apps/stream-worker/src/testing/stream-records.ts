import { GetRecordsCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { streamsEndpoint } from '../config';
import { createLogger } from '../logger';
import { openShardIterator } from '../poller/shard-iterator';
import { describeShards, findTableStream } from '../poller/stream-discovery';
import { toLambdaRecord } from '../poller/to-lambda-record';
import type { TestTable } from '@cruddur/ddb/testing';

/**
 * Everything the table's stream holds so far, as a Lambda event would carry it: tests feed the
 * handler real records written by DynamoDB Local, never hand-made ones.
 */
export async function readStream(ctx: TestTable): Promise<DynamoDBRecord[]> {
  const { env } = ctx;
  const streams = new DynamoDBStreamsClient({
    region: env.AWS_REGION,
    endpoint: streamsEndpoint(env),
  });
  const signal = new AbortController().signal;
  try {
    const streamArn = await findTableStream(ctx.client, ctx.tableName, signal);
    if (!streamArn) throw new Error(`table ${ctx.tableName} does not exist`);
    const { shards } = await describeShards(streams, streamArn, signal);
    const records: DynamoDBRecord[] = [];
    for (const { ShardId: shardId } of shards) {
      let iterator = await openShardIterator({
        streams,
        streamArn,
        shardId: shardId!,
        after: undefined,
        signal,
        logger: createLogger('silent'),
      });
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        if (!page.Records?.length) break;
        records.push(...page.Records.map((record) => toLambdaRecord(record, streamArn)));
        iterator = page.NextShardIterator;
      }
    }
    return records;
  } finally {
    streams.destroy();
  }
}

export const isMessageInsert = (record: DynamoDBRecord) =>
  record.eventName === 'INSERT' && record.dynamodb?.Keys?.pk?.S?.startsWith('MSG#') === true;

/** The record of one message, found by its text. */
export function recordOf(records: DynamoDBRecord[], text: string): DynamoDBRecord {
  const record = records.find(
    (r) => isMessageInsert(r) && r.dynamodb?.NewImage?.message?.S === text,
  );
  if (!record) throw new Error(`no stream record for message "${text}"`);
  return record;
}
