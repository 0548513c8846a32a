import {
  ExpiredIteratorException,
  GetRecordsCommand,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Logger } from '../logger';
import { processBatch, recordKeys, type ApplyRecords } from '../process-batch';
import { Backoff, pause } from './backoff';
import type { CheckpointStore } from './checkpoint-store';
import { setAside } from './dead-letters';
import { openShardIterator } from './shard-iterator';
import { toLambdaRecord } from './to-lambda-record';
import { isTransientError } from '@cruddur/errors';
import { type LivePublisher } from '@cruddur/live';

export interface FollowContext {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  store: CheckpointStore;
  checkpointDir: string;
  apply: ApplyRecords;
  publisher?: LivePublisher;
  logger: Logger;
  signal: AbortSignal;
  batchSize: number;
  idleMaxMs: number;
  /** Attempts at a record that fails for a non-transient reason before it is set aside. */
  maxAttempts: number;
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

/**
 * Runs a page of records through the shared batch loop, checkpointing what succeeded. A failing
 * record is retried with backoff; one that keeps failing for a non-transient reason is set aside
 * (the poller's on-failure destination) so that it cannot block its shard forever.
 * Returns false when stopped before the page was done.
 */
async function processPage(
  ctx: FollowContext,
  shardId: string,
  log: Logger,
  records: DynamoDBRecord[],
): Promise<boolean> {
  const retry = new Backoff(100, 5_000);
  let pending = records;
  let attempts = 0;
  while (pending.length > 0) {
    const { failure } = await processBatch(pending, ctx.apply, {
      logger: log,
      publisher: ctx.publisher,
    });
    const doneCount = failure?.index ?? pending.length;
    const lastDone = pending[doneCount - 1];
    if (lastDone) await ctx.store.advance(shardId, sequenceOf(lastDone));
    if (!failure) return true;

    attempts = doneCount > 0 ? 1 : attempts + 1;
    if (attempts >= ctx.maxAttempts && !isTransientError(failure.error)) {
      const file = await setAside(ctx.checkpointDir, {
        shardId,
        record: failure.record,
        error: failure.error,
      });
      await ctx.store.advance(shardId, sequenceOf(failure.record));
      log.error(
        { ...recordKeys(failure.record), attempts, file },
        'poison record set aside; the shard moves on',
      );
      pending = pending.slice(failure.index + 1);
      attempts = 0;
      continue;
    }
    pending = pending.slice(failure.index);
    await pause(retry.next(), ctx.signal);
    if (ctx.signal.aborted) return false;
  }
  return true;
}

/**
 * Reads one shard from its checkpoint to its end (a closed shard) or until stopped, polling with
 * backoff while it is idle. Transient failures reopen the shard from the checkpoint, which is the
 * only position that is known to be processed.
 */
export async function followShard(ctx: FollowContext, shardId: string): Promise<void> {
  const log = ctx.logger.child({ shardId });
  const idle = new Backoff(50, ctx.idleMaxMs);
  const trouble = new Backoff(200, 10_000);
  const reopen = () =>
    openShardIterator({
      ...ctx,
      shardId,
      after: ctx.store.get(shardId)?.sequenceNumber,
      logger: log,
    });

  let iterator: string | undefined;
  let opened = false;
  while (!ctx.signal.aborted) {
    try {
      if (!opened) {
        iterator = await reopen();
        opened = true;
      }
      if (!iterator) break;
      const page = await ctx.streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: ctx.batchSize }),
        {
          abortSignal: ctx.signal,
        },
      );
      trouble.reset();
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, ctx.streamArn));
      if (records.length > 0) {
        if (!(await processPage(ctx, shardId, log, records))) return;
        idle.reset();
      }
      iterator = page.NextShardIterator;
      if (!iterator) break;
      if (records.length === 0) await pause(idle.next(), ctx.signal);
    } catch (error) {
      if (ctx.signal.aborted) return;
      // Iterators live 15 minutes; a trimmed position is handled by reopening too.
      if (
        error instanceof ExpiredIteratorException ||
        error instanceof TrimmedDataAccessException
      ) {
        log.info({ reason: error.name }, 'reopening the shard from its checkpoint');
      } else if (isTransientError(error)) {
        log.warn({ err: error }, 'reading the shard failed; retrying from its checkpoint');
        await pause(trouble.next(), ctx.signal);
      } else {
        throw error;
      }
      opened = false;
    }
  }
  if (ctx.signal.aborted) return;
  await ctx.store.finish(shardId);
  log.info('shard finished');
}
