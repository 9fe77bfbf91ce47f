import { defineConfig } from 'vitest/config';

// Browser journeys: one real server per file on a fresh embedded database, driven by Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 400_000, // a demo-seeded server per file took over 180 s to start at load 15–20 on 2 cores
    pool: 'forks',
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
