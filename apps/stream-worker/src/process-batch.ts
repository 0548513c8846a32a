import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import type { Logger } from './logger';

export type RecordOutcome = 'applied' | 'skipped' | 'stale';
export interface ApplyResult {
  outcome: RecordOutcome;
  rowsUpdated: number;
}
/** Applies one stream record to the table: pattern E's core, or the naive twin the benchmark compares. */
export type ApplyRecord = (record: DynamoDBRecord) => Promise<ApplyResult>;

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
  /** Age of the oldest record when the batch finished (from ApproximateCreationDateTime). */
  lagMs?: number;
}

export interface ProcessBatchOptions {
  logger: Logger;
  /** Partitions processed side by side; records of one partition always go in stream order. */
  concurrency?: number;
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
 * Runs `apply` on every record of a batch (defect 7: not only the first) and reports the first
 * failure as a batch item failure, so that a retry starts there and nothing after it is lost.
 */
export async function processBatch(
  records: DynamoDBRecord[],
  apply: ApplyRecord,
  options: ProcessBatchOptions,
): Promise<BatchResult> {
  const { logger, concurrency = 8 } = options;
  const counts = { applied: 0, skipped: 0, stale: 0, failed: 0 };
  let failure: BatchFailure | undefined;

  const runLane = async (lane: Indexed[]) => {
    for (const { index, record } of lane) {
      // Everything after an earlier failure is retried anyway; don't spend the work twice.
      if (failure && failure.index < index) return;
      try {
        const result = await apply(record);
        counts[result.outcome] += 1;
        logger.debug({ ...recordKeys(record), ...result }, 'record processed');
      } catch (error) {
        counts.failed += 1;
        if (!failure || index < failure.index) failure = { index, record, error };
        return;
      }
    }
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
  logger.info({ records: records.length, ...counts, lagMs }, 'batch processed');
  return {
    // An empty identifier makes Lambda retry the whole batch: the safe side if a record lacks one.
    batchItemFailures: failure
      ? [{ itemIdentifier: failure.record.dynamodb?.SequenceNumber ?? '' }]
      : [],
    counts,
    failure,
    lagMs,
  };
}
