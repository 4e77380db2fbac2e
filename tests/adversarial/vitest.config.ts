import { defineConfig } from 'vitest/config';

// --expose-gc: the timeout attacks collect garbage between rounds, where Node 20's fetch used to lose aborts
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks', execArgv: ['--expose-gc'] },
});
