import { defineConfig } from 'vitest/config';

// Browser journeys: one real server per file on its own copy of the demo's embedded database, driven by Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 400_000, // a demo-seeded server per file took over 180 s to start at load 15–20 on 2 cores
    pool: 'forks',
    // The demo database is seeded once and copied per file (test/browser/demo-template.ts).
    globalSetup: ['test/browser/demo-template.setup.ts'],
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
