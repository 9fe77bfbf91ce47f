import type { PeriodicJob } from '../worker/periodic-job.js';
import { fallBackUnansweredLinks } from './visit-queue.service.js';

/** Every 5 minutes: return-visit links unanswered past the centre's visit_link_hours go back to the phone (ADR 0202). */
export const visitLinkFallbackJob: PeriodicJob = {
  name: 'visit-link-fallback',
  everyMs: 5 * 60 * 1000,
  async run(deps) {
    const n = await fallBackUnansweredLinks(deps);
    return `${n} unanswered return-visit links back to the phone queue`;
  },
};
