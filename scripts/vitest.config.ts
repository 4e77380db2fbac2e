import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // many tests run the pipeline in a child process: seconds alone, a minute or more when turbo runs every
    // suite at once on 2 cores; the bound only stops a hang
    testTimeout: 300_000,
  },
});
