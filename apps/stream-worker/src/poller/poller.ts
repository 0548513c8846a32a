import { DynamoDBStreamsClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb-streams';
import { awsCredentials, type DynamoEnv } from '@cruddur/config';
import { applyStreamRecords, createDdbContext } from '@cruddur/ddb';
import { streamsEndpoint } from '../config';
import { createLogger, type Logger } from '../logger';
import type { ApplyRecords } from '../process-batch';
import { Backoff, pause } from './backoff';
import { CheckpointStore } from './checkpoint-store';
import { followShard, type FollowContext } from './shard-follower';
import { shardsReadyToFollow, vanishedShards } from './shard-tree';
import { describeShards, findTableStream, StreamUnusableError } from './stream-discovery';
import { isTransientError } from '@cruddur/errors';
import { type LivePublisher } from '@cruddur/live';

export interface PollerOptions {
  env: DynamoEnv;
  /** Where the per-stream checkpoint files (and set-aside poison records) live. */
  checkpointDir: string;
  logger?: Logger;
  /** Defaults to pattern E's core on `env.DDB_TABLE_NAME`; the benchmark passes its naive twin. */
  apply?: ApplyRecords;
  /** Where each batch's changes are announced for live delivery (none: nobody is told). */
  publisher?: LivePublisher;
  /** Ceiling of the idle polling backoff. */
  idleMaxMs?: number;
  /** GetRecords page size (at most 1000). */
  batchSize?: number;
  maxAttempts?: number;
}

export interface Poller {
  /** Resolves with the stream ARN once the poller reads the table's stream. */
  following: Promise<string>;
  /** Settles when the poller ends: resolves after `stop()`, rejects on an error it cannot get past. */
  done: Promise<void>;
  /** Finishes the batches in hand, saves their checkpoints, and resolves when everything is closed. */
  stop(): Promise<void>;
}

// New shards only appear when a parent closes, which wakes the loop at once; this is a safety net.
const SHARD_REFRESH_MS = 30_000;

/** Follows the table's DynamoDB stream with the same batch loop as the Lambda handler. */
export function startPoller(options: PollerOptions): Poller {
  const { env, checkpointDir } = options;
  const logger = options.logger ?? createLogger('info');
  const ctx = createDdbContext(env);
  const streams = new DynamoDBStreamsClient({
    region: env.AWS_REGION,
    endpoint: streamsEndpoint(env),
    ...awsCredentials(env),
  });
  const apply = options.apply ?? ((records) => applyStreamRecords(ctx, records));
  const idleMaxMs = options.idleMaxMs ?? 1_000;
  const stopping = new AbortController();
  const table = ctx.tableName;

  let announceFollowing!: (arn: string) => void;
  let failFollowing!: (error: unknown) => void;
  const following = new Promise<string>((resolve, reject) => {
    announceFollowing = resolve;
    failFollowing = reject;
  });
  // Callers may never ask; a poller that fails early must not crash the process through this promise.
  following.catch(() => undefined);

  /** Reads every shard of one stream until the stream ends (its table was deleted) or the poller stops. */
  async function followStream(streamArn: string): Promise<void> {
    const store = await CheckpointStore.open(checkpointDir, streamArn);
    logger.info({ table, streamArn, checkpoints: store.file }, 'following stream');
    announceFollowing(streamArn);

    const streamStop = new AbortController();
    const signal = AbortSignal.any([stopping.signal, streamStop.signal]);
    const follow: FollowContext = {
      streams,
      streamArn,
      store,
      checkpointDir,
      apply,
      publisher: options.publisher,
      logger,
      signal,
      batchSize: options.batchSize ?? 100,
      idleMaxMs,
      maxAttempts: options.maxAttempts ?? 3,
    };
    const running = new Map<string, Promise<void>>();
    let failure: { error: unknown } | undefined;
    // A follower that ends (its shard closed, or it failed) cuts the current wait short.
    let nap = new AbortController();
    const wake = () => nap.abort();
    signal.addEventListener('abort', wake, { once: true });
    const refresh = new Backoff(50, idleMaxMs);
    try {
      while (!signal.aborted) {
        nap = new AbortController();
        const { status, shards } = await describeShards(streams, streamArn, signal);
        const gone = vanishedShards(shards, store.shardIds());
        if (gone.length > 0) {
          const unread = gone.filter((id) => !store.isFinished(id));
          if (unread.length > 0)
            logger.warn({ shards: unread }, 'shards were trimmed before being read to the end');
          await store.forget(gone);
        }
        for (const { ShardId: id } of shardsReadyToFollow(
          shards,
          (s) => store.isFinished(s),
          new Set(running.keys()),
        )) {
          if (!id) continue;
          const task = followShard(follow, id)
            .catch((error: unknown) => {
              failure ??= { error };
            })
            .finally(() => {
              running.delete(id);
              wake();
            });
          running.set(id, task);
        }
        if (running.size === 0 && status === 'DISABLED') {
          logger.info({ streamArn }, 'stream ended (table deleted or streams disabled)');
          return;
        }
        await pause(running.size > 0 ? SHARD_REFRESH_MS : refresh.next(), nap.signal);
        if (failure) throw failure.error;
      }
    } finally {
      streamStop.abort();
      await Promise.allSettled(running.values());
    }
  }

  async function run(): Promise<void> {
    const retry = new Backoff(100, Math.max(idleMaxMs, 5_000));
    // What the poller is waiting for, said once until it changes.
    let waitingFor: string | undefined;
    const wait = async (why: string, log: () => void) => {
      if (waitingFor !== why) log();
      waitingFor = why;
      await pause(retry.next(), stopping.signal);
    };
    while (!stopping.signal.aborted) {
      try {
        let streamArn: string | undefined;
        try {
          streamArn = await findTableStream(ctx.client, table, stopping.signal);
        } catch (error) {
          if (!(error instanceof StreamUnusableError)) throw error;
          await wait('stream', () => logger.warn({ table }, error.message));
          continue;
        }
        if (!streamArn) {
          await wait('table', () => logger.info({ table }, 'waiting for the table to exist'));
          continue;
        }
        waitingFor = undefined;
        retry.reset();
        await followStream(streamArn);
      } catch (error) {
        if (stopping.signal.aborted) break;
        // A stream can vanish under us (table recreated); finding the table's stream again fixes that.
        if (!(error instanceof ResourceNotFoundException) && !isTransientError(error)) throw error;
        logger.warn({ err: error }, 'lost the stream; looking for it again');
        await pause(retry.next(), stopping.signal);
      }
    }
  }

  const done = run()
    .then(() => failFollowing(new Error('the poller stopped before it followed a stream')))
    .catch((error: unknown) => {
      failFollowing(error);
      throw error;
    })
    .finally(() => {
      streams.destroy();
      ctx.client.destroy();
    });
  done.catch(() => undefined);

  return {
    following,
    done,
    stop: async () => {
      stopping.abort();
      await done.catch(() => undefined);
    },
  };
}
