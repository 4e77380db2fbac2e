import { defineConfig } from 'vitest/config';

// Hang guards, not races. Alone: pack + npm install ~5 s, one probe under 1 s. With every suite running
// on the 2-core CI machine: pack + install up to ~130 s, a probe up to ~2 s (measured). Bounds are
// about 7x and 15x of those.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 900_000 },
});
