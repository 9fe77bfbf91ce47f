import { expect, it } from 'vitest';
import { formatByStatus, runFuzz } from '../fuzz/fuzz-run.js';
import { useApp } from '../helpers/use-world.js';

// Issue 15: malformed requests generated from /api/openapi.json (test/fuzz/openapi-fuzz.ts), a small
// budget for CI; `npm run bench fuzz` sends ≥ 10,000. No 5xx, no cut response, and no refused write
// that left a row or a file behind.
const { database, w, app } = useApp({
  env: { LIANXIN_DEV_LOG_OTP: '1', LIANXIN_PORTAL_SUBMITS_PER_HOUR: '100000', LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '100000' },
});

it('400 malformed requests over every operation: 0 × 5xx, 0 partial writes', async () => {
  const report = await runFuzz(app, database, w, 400, 15);
  console.log(`fuzz: ${report.requests} requests in ${report.ms} ms — ${formatByStatus(report.byStatus)}`);
  expect(report.failures).toEqual([]);
  expect(report.partialWrites).toEqual([]);
  expect(report.byStatus['400']).toBeGreaterThan(100);
}, 120_000);
