import { FUZZ_SHARDS, fuzzShard } from './fuzz-suite.js';

// the second shard of the vendor sources; see fuzz-1.test.ts
fuzzShard(2, FUZZ_SHARDS);
