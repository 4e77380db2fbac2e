import { defineConfig } from 'vitest/config';

// Hang guards, not races. Alone the site builds in about 20 s and a provider's pages check in a few
// seconds; with every suite running on the 2-core CI machine both take several times that.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 300_000 },
});
