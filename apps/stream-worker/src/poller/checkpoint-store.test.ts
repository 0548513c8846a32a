import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError, CheckpointStore, checkpointPath } from './checkpoint-store';

const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/t1/stream/2026-11-25T06:10:05.638';
const OTHER_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/t1/stream/2026-11-26T08:00:00.000';

describe('CheckpointStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'checkpoints-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty and keeps what was saved across reopening', async () => {
    const store = await CheckpointStore.open(join(dir, 'nested'), ARN);
    expect(store.shardIds()).toEqual([]);
    await store.advance('shard-1', '000000000000000000007');
    await store.advance('shard-2', '000000000000000000003');
    await store.finish('shard-2');

    const reopened = await CheckpointStore.open(join(dir, 'nested'), ARN);
    expect(reopened.get('shard-1')).toEqual({ sequenceNumber: '000000000000000000007' });
    expect(reopened.get('shard-2')).toEqual({
      sequenceNumber: '000000000000000000003',
      finished: true,
    });
    expect(reopened.isFinished('shard-2')).toBe(true);
    expect(reopened.isFinished('shard-1')).toBe(false);
  });

  it('keeps one file per stream, so a recreated table starts afresh', async () => {
    const first = await CheckpointStore.open(dir, ARN);
    await first.advance('shard-1', '000000000000000000009');
    const second = await CheckpointStore.open(dir, OTHER_ARN);
    expect(second.get('shard-1')).toBeUndefined();
    expect(checkpointPath(dir, ARN)).not.toBe(checkpointPath(dir, OTHER_ARN));
  });

  it('lands the last of many concurrent writes and leaves no temporary file behind', async () => {
    const store = await CheckpointStore.open(dir, ARN);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.advance(`shard-${i % 5}`, String(i).padStart(21, '0')),
      ),
    );
    expect(await readdir(dir)).toEqual([checkpointPath(dir, ARN).slice(dir.length + 1)]);
    const saved = JSON.parse(await readFile(store.file, 'utf8')) as {
      shards: Record<string, { sequenceNumber: string }>;
    };
    expect(saved.shards['shard-4']?.sequenceNumber).toBe('000000000000000000049');
  });

  it('forgets shards the stream no longer lists', async () => {
    const store = await CheckpointStore.open(dir, ARN);
    await store.advance('old', '000000000000000000001');
    await store.advance('new', '000000000000000000002');
    await store.forget(['old']);
    expect((await CheckpointStore.open(dir, ARN)).shardIds()).toEqual(['new']);
  });

  it('refuses a damaged file instead of guessing where to resume', async () => {
    await writeFile(checkpointPath(dir, ARN), '{ "streamArn": ');
    await expect(CheckpointStore.open(dir, ARN)).rejects.toThrow(CheckpointError);
    await writeFile(
      checkpointPath(dir, ARN),
      JSON.stringify({ streamArn: OTHER_ARN, updatedAt: '', shards: {} }),
    );
    await expect(CheckpointStore.open(dir, ARN)).rejects.toThrow(
      /unreadable or belongs to another stream/,
    );
  });
});
