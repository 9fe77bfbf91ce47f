import type { PeriodicJob } from '../worker/periodic-job.js';
import { sweepDueDeadlines } from './deadline-sweep.service.js';

/** Every minute: fan out a check job for each order with a due warning, 催办, 督办 or follow-up. */
export const deadlineSweepJob: PeriodicJob = {
  name: 'timelimit-sweep',
  everyMs: 60_000,
  async run(deps) {
    const r = await sweepDueDeadlines(deps);
    return `claimed ${r.deadlinesClaimed} deadlines, enqueued ${r.jobsEnqueued} checks`;
  },
};
