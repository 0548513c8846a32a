import type { Shard } from '@aws-sdk/client-dynamodb-streams';

/**
 * Shards that can be read now: not finished, not already being read, and whose parent is finished
 * or no longer listed (trimmed). A child shard continues its parent's items after a split, so
 * reading it earlier could apply an item's changes out of order.
 */
export function shardsReadyToFollow(
  shards: Shard[],
  isFinished: (shardId: string) => boolean,
  following: ReadonlySet<string>,
): Shard[] {
  const listed = new Set(shards.map((shard) => shard.ShardId));
  return shards.filter(({ ShardId: id, ParentShardId: parent }) => {
    if (!id || isFinished(id) || following.has(id)) return false;
    return !parent || !listed.has(parent) || isFinished(parent);
  });
}

/** Checkpointed shards the stream no longer lists: DynamoDB trims shards after 24 hours. */
export function vanishedShards(shards: Shard[], checkpointed: string[]): string[] {
  const listed = new Set(shards.map((shard) => shard.ShardId));
  return checkpointed.filter((id) => !listed.has(id));
}
