import { fuzzShard } from './fuzz-suite.js';

// the second half of the vendor sources; see fuzz-1.test.ts
fuzzShard(2, 2);
