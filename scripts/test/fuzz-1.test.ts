import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FUZZ_SHARDS, fuzzShard, shardOf, SOURCES } from './fuzz-suite.js';

// the fuzz runs as FUZZ_SHARDS files (this one and fuzz-2.test.ts) so that vitest gives each a core
fuzzShard(1, FUZZ_SHARDS);

it('the fuzz shards together cover every vendor source exactly once', () => {
  const shards = Array.from({ length: FUZZ_SHARDS }, (_, i) => shardOf(SOURCES, i + 1, FUZZ_SHARDS));
  expect(shards.flat().sort()).toEqual([...SOURCES].sort());
  // a shard without its file would leave its sources unfuzzed
  expect(readdirSync(import.meta.dirname).filter((f) => /^fuzz-\d+\.test\.ts$/.test(f))).toHaveLength(FUZZ_SHARDS);
  expect(shardOf(['a', 'b', 'c', 'd', 'e'], 1, 2)).toEqual(['a', 'c', 'e']);
  expect(shardOf(['a', 'b', 'c', 'd', 'e'], 2, 2)).toEqual(['b', 'd']);
});
