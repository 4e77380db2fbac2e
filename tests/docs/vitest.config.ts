import { defineConfig } from 'vitest/config';

// Type-checking happens once per file while vitest collects it (20-60 s with every suite running on the
// 2-core CI machine); the tests then only read its results, far inside these bounds.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
