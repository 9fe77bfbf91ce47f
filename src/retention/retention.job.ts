import type { PeriodicJob } from '../worker/periodic-job.js';
import { runRetention } from './retention.service.js';

/** Orders erased per daily run at most; a backlog (the first run after an upgrade) goes on the next day. */
const MAX_PER_RUN = 5000;

/** Daily: closed orders past their centre's retention period lose their caller's personal data (ADR 0174). */
export const retentionJob: PeriodicJob = {
  name: 'pii-retention',
  everyMs: 24 * 60 * 60 * 1000,
  async run(deps) {
    const reports = await runRetention(deps, { maxOrders: MAX_PER_RUN });
    const erased = reports.reduce((n, r) => n + r.anonymised, 0);
    const left = reports.reduce((n, r) => n + r.due, 0);
    return `personal data erased from ${erased} closed orders past retention${left ? `; ${left} still due` : ''}`;
  },
};
