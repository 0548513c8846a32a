import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const shardCheckpoint = z.object({
  /** The last record of this shard that has been processed. */
  sequenceNumber: z.string().optional(),
  /** The shard was read to its end: never open it again. */
  finished: z.boolean().optional(),
});
export type ShardCheckpoint = z.infer<typeof shardCheckpoint>;

const checkpointFile = z.object({
  streamArn: z.string(),
  updatedAt: z.string(),
  shards: z.record(z.string(), shardCheckpoint),
});
type CheckpointFile = z.infer<typeof checkpointFile>;

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One file per stream: a recreated table has a new stream ARN and so starts afresh. */
export function checkpointPath(dir: string, streamArn: string): string {
  return join(dir, `${streamArn.replace(/[^\w.-]+/g, '_')}.json`);
}

/**
 * Per-shard progress through one stream, kept in a JSON file that is replaced atomically (write a
 * temporary file, then rename over the old one), so a crash leaves either the old or the new state.
 */
export class CheckpointStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly state: CheckpointFile,
  ) {}

  static async open(dir: string, streamArn: string): Promise<CheckpointStore> {
    const file = checkpointPath(dir, streamArn);
    await mkdir(dir, { recursive: true });
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return new CheckpointStore(file, {
        streamArn,
        updatedAt: new Date().toISOString(),
        shards: {},
      });
    }
    const parsed = checkpointFile.safeParse(parseJson(text));
    // Never guess: starting over would replay the whole stream, skipping ahead would lose records.
    if (!parsed.success || parsed.data.streamArn !== streamArn) {
      throw new CheckpointError(
        `checkpoint file ${file} is unreadable or belongs to another stream; fix or remove it and start again`,
      );
    }
    return new CheckpointStore(file, parsed.data);
  }

  get(shardId: string): ShardCheckpoint | undefined {
    return this.state.shards[shardId];
  }

  isFinished(shardId: string): boolean {
    return this.state.shards[shardId]?.finished === true;
  }

  shardIds(): string[] {
    return Object.keys(this.state.shards);
  }

  advance(shardId: string, sequenceNumber: string): Promise<void> {
    this.state.shards[shardId] = { ...this.state.shards[shardId], sequenceNumber };
    return this.flush();
  }

  finish(shardId: string): Promise<void> {
    this.state.shards[shardId] = { ...this.state.shards[shardId], finished: true };
    return this.flush();
  }

  /** Drops shards the stream no longer lists (trimmed after 24 hours), so the file stays small. */
  forget(shardIds: string[]): Promise<void> {
    for (const id of shardIds) delete this.state.shards[id];
    return this.flush();
  }

  // Shards are followed concurrently: writes are queued so that an older state never lands last.
  private flush(): Promise<void> {
    const write = async () => {
      this.state.updatedAt = new Date().toISOString();
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(this.state, null, 2)}\n`, { flush: true });
      await rename(temporary, this.file);
    };
    const next = this.writing.catch(() => undefined).then(write);
    this.writing = next;
    return next;
  }
}
