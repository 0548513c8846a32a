import type { GroupChange, RecordOutcome, RecordResult } from '@cruddur/ddb';
import { changeDeliveries, type LivePublisher } from '@cruddur/live';
import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import type { Logger } from './logger';

export type { RecordOutcome };

/**
 * Applies the records of one partition of the table (in stream order) and says what became of
 * each: pattern E's core, which coalesces a conversation's messages into one update, or the
 * naive twin the benchmark compares it with.
 */
export type ApplyRecords = (
  records: DynamoDBRecord[],
) => Promise<{ results: RecordResult[]; changes: GroupChange[] }>;

export interface BatchFailure {
  /** Position of the first failed record in the batch; everything from here on is to be retried. */
  index: number;
  record: DynamoDBRecord;
  error: unknown;
}

export interface BatchResult {
  /** The first failed record only: Lambda (and the poller) resume from it, earlier records are done. */
  batchItemFailures: DynamoDBBatchItemFailure[];
  counts: Record<RecordOutcome | 'failed', number>;
  failure?: BatchFailure;
  /** What changed in each conversation the batch touched, for live delivery. */
  changes: GroupChange[];
  /** Age of the oldest record when the batch finished (from ApproximateCreationDateTime). */
  lagMs?: number;
}

export interface ProcessBatchOptions {
  logger: Logger;
  /** Partitions processed side by side; records of one partition always go in stream order. */
  concurrency?: number;
  /**
   * Where what changed is announced for live delivery. Best effort: the rows are written
   * whatever happens to the announcement, and a client that missed one catches up from DynamoDB
   * when it reconnects (a retried batch would change nothing, so it would announce nothing).
   */
  publisher?: LivePublisher;
}

interface Indexed {
  index: number;
  record: DynamoDBRecord;
}

// Stream order only matters within a partition (a message group's MSG# items), as with Lambda's
// ParallelizationFactor: other partitions can go in parallel.
function lanesByPartition(records: DynamoDBRecord[]): Indexed[][] {
  const lanes = new Map<string, Indexed[]>();
  records.forEach((record, index) => {
    const key = record.dynamodb?.Keys?.pk?.S ?? '';
    const lane = lanes.get(key) ?? [];
    lane.push({ index, record });
    lanes.set(key, lane);
  });
  return [...lanes.values()];
}

export const recordKeys = (record: DynamoDBRecord) => ({
  sequenceNumber: record.dynamodb?.SequenceNumber,
  eventID: record.eventID,
  eventName: record.eventName,
  keys: record.dynamodb?.Keys,
});

/**
 * Runs `apply` on every record of a batch (defect 7 of the original: not only the first), one
 * partition at a time, and reports the first record that failed as the batch item failure, so
 * that a retry starts there and nothing after it is lost (what is replayed changes nothing).
 */
export async function processBatch(
  records: DynamoDBRecord[],
  apply: ApplyRecords,
  options: ProcessBatchOptions,
): Promise<BatchResult> {
  const { logger, concurrency = 8 } = options;
  const counts = { applied: 0, superseded: 0, skipped: 0, stale: 0, failed: 0 };
  const changes: GroupChange[] = [];
  let failure: BatchFailure | undefined;
  const fail = (entry: Indexed, error: unknown) => {
    counts.failed += 1;
    if (!failure || entry.index < failure.index) failure = { ...entry, error };
  };

  const runLane = async (lane: Indexed[]) => {
    let outcome: Awaited<ReturnType<ApplyRecords>>;
    try {
      outcome = await apply(lane.map((entry) => entry.record));
    } catch (error) {
      for (const entry of lane) fail(entry, error);
      return;
    }
    changes.push(...outcome.changes);
    lane.forEach((entry, i) => {
      const result = outcome.results[i];
      if (!result || 'error' in result) return fail(entry, result?.error);
      counts[result.outcome] += 1;
      logger.debug({ ...recordKeys(entry.record), ...result }, 'record processed');
    });
  };
  const queue = lanesByPartition(records);
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) await runLane(lane);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));

  const created = records
    .map((r) => r.dynamodb?.ApproximateCreationDateTime)
    .filter((t) => t !== undefined);
  const lagMs =
    created.length > 0 ? Math.max(0, Date.now() - Math.min(...created) * 1000) : undefined;
  if (failure) {
    logger.error(
      { err: failure.error, ...recordKeys(failure.record) },
      'record failed; the batch resumes from it on retry',
    );
  }
  if (options.publisher && changes.length > 0)
    await options.publisher
      .publish(changes.flatMap(changeDeliveries))
      .catch((error: unknown) => logger.warn({ err: error }, 'live: publish failed'));
  logger.info({ records: records.length, ...counts, lagMs }, 'batch processed');
  return {
    // An empty identifier makes Lambda retry the whole batch: the safe side if a record lacks one.
    batchItemFailures: failure
      ? [{ itemIdentifier: failure.record.dynamodb?.SequenceNumber ?? '' }]
      : [],
    counts,
    failure,
    changes,
    lagMs,
  };
}
