import type { PeriodicJob } from '../worker/periodic-job.js';
import { sampleDirectOrders } from './visit-queue.service.js';

/** Every 15 minutes: the centre's share of newly closed 直办 orders drawn into the visit queue (ADR 0202). */
export const directVisitSamplingJob: PeriodicJob = {
  name: 'direct-visit-sampling',
  everyMs: 15 * 60 * 1000,
  async run(deps) {
    const n = await sampleDirectOrders(deps);
    return `${n} directly answered orders drawn for a return visit`;
  },
};
