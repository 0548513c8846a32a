import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { recordKeys } from '../process-batch';

export const DEAD_LETTERS_FILE = 'dead-letters.jsonl';

/**
 * The poller's stand-in for a Lambda on-failure destination: a record that keeps failing for a
 * reason other than the weather is written here, whole, so that it can be inspected and replayed.
 */
export async function setAside(
  dir: string,
  entry: { shardId: string; record: DynamoDBRecord; error: unknown },
): Promise<string> {
  const file = join(dir, DEAD_LETTERS_FILE);
  const error =
    entry.error instanceof Error
      ? { name: entry.error.name, message: entry.error.message }
      : { message: String(entry.error) };
  const line = {
    at: new Date().toISOString(),
    shardId: entry.shardId,
    ...recordKeys(entry.record),
    error,
    record: entry.record,
  };
  await appendFile(file, `${JSON.stringify(line)}\n`, { flush: true });
  return file;
}
