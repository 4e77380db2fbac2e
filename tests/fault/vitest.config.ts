import { defineConfig } from 'vitest/config';

// Bounds are hang guards, never a race with a slow run. Measured with every suite of `pnpm test` running
// on the 2-core CI machine: a provider's 5,000 calls up to 29 s, the warm-up hook about 70 s (more than
// the 60 s this once had). Bounds are about 10x those; the calls bound is 30x, since one run beside six
// other builds (load average 37) took 302 s.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 600_000, pool: 'forks', execArgv: ['--expose-gc'] },
});
