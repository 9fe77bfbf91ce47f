import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on CI's two cores, which doubled the
    // run. Most of a test's time is the embedded database or a round trip, so two share two cores well.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    env: { TZ: 'UTC' },
  },
});
