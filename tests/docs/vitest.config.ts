import { defineConfig } from 'vitest/config';

// one TypeScript program for all examples takes a few seconds; bounds are 10x that on a busy machine
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
