import { defineConfig } from 'vitest/config';

// hang guards, not targets: turbo runs every suite at once on a 2-core machine
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
