import { defineConfig } from 'vitest/config';

// Bounds about 10x what a run takes on the busy 2-core CI machine: pack + npm install ~30 s, one probe
// under 2 s (Deno's first start is the slowest). Hangs end there; nothing races a timer otherwise.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 300_000 },
});
