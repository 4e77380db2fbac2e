import { defineConfig } from 'vitest/config';

// Bounds are hang guards, about 10x what a step takes with every suite running on the busy 2-core CI
// machine (a provider's 5,000 calls: 10-15 s; the warm-up hook: under 15 s): never a race with a slow run.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, pool: 'forks', execArgv: ['--expose-gc'] },
});
