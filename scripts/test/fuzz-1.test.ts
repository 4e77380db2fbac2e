import { expect, it } from 'vitest';
import { fuzzShard, shardOf, SOURCES } from './fuzz-suite.js';

// the fuzz runs as two files (this one and fuzz-2.test.ts) so that vitest gives each a core
const SHARDS = 2;
fuzzShard(1, SHARDS);

it('the fuzz shards together cover every vendor source exactly once', () => {
  const shards = Array.from({ length: SHARDS }, (_, i) => shardOf(SOURCES, i + 1, SHARDS));
  expect(shards.flat().sort()).toEqual([...SOURCES].sort());
  expect(shardOf(['a', 'b', 'c', 'd', 'e'], 1, 2)).toEqual(['a', 'c', 'e']);
  expect(shardOf(['a', 'b', 'c', 'd', 'e'], 2, 2)).toEqual(['b', 'd']);
});
