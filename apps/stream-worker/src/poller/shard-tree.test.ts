import type { Shard } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { shardsReadyToFollow, vanishedShards } from './shard-tree';

const shard = (id: string, parent?: string): Shard => ({ ShardId: id, ParentShardId: parent });
const ids = (shards: Shard[]) => shards.map((s) => s.ShardId);

describe('shardsReadyToFollow', () => {
  // root → a (split) → a1, a2 ; root2 has no parent
  const tree = [
    shard('root'),
    shard('a', 'root'),
    shard('a1', 'a'),
    shard('a2', 'a'),
    shard('root2'),
  ];

  it('starts with the shards that have no unread parent', () => {
    expect(ids(shardsReadyToFollow(tree, () => false, new Set()))).toEqual(['root', 'root2']);
  });

  it('releases the children of a split only once their parent is finished', () => {
    const finished = new Set(['root', 'a']);
    expect(ids(shardsReadyToFollow(tree, (id) => finished.has(id), new Set()))).toEqual([
      'a1',
      'a2',
      'root2',
    ]);
  });

  it('skips shards already followed or finished', () => {
    const finished = new Set(['root']);
    expect(ids(shardsReadyToFollow(tree, (id) => finished.has(id), new Set(['root2'])))).toEqual([
      'a',
    ]);
  });

  it('treats a parent the stream no longer lists (trimmed) as done', () => {
    expect(
      ids(shardsReadyToFollow([shard('child', 'trimmed-parent')], () => false, new Set())),
    ).toEqual(['child']);
  });
});

describe('vanishedShards', () => {
  it('names checkpointed shards the stream no longer lists', () => {
    expect(vanishedShards([shard('b'), shard('c')], ['a', 'b'])).toEqual(['a']);
  });
});
