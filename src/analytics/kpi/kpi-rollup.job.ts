import type { PeriodicJob } from '../../worker/periodic-job.js';
import { refreshKpiRollups } from './kpi-rollup.service.js';

/**
 * Keeps the KPI daily rollups current: every minute, rebuild the days touched since the watermark
 * and backfill up to two months of never-built days. Reads stay exact in between (touched days are
 * recomputed from the events), so the interval only bounds how much raw work a read does.
 */
export const kpiRollupJob: PeriodicJob = {
  name: 'kpi-rollup-refresh',
  everyMs: 60_000,
  async run(deps) {
    const r = await refreshKpiRollups(deps, { maxBackfillDays: 62 });
    return r.days > 0 ? `${r.days} day(s) rebuilt (${r.backfilled} new) over ${r.centres} centre(s)` : undefined;
  },
};
