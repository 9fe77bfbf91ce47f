import type { PeriodicJob } from './periodic-job.js';
import { purgeDeliveredOutbox } from '../outbox/outbox-claim.repository.js';

const KEEP_DAYS = 30;

/** Delivered outbox rows are kept 30 days for tracing, then deleted in bounded batches. */
export const outboxRetentionJob: PeriodicJob = {
  name: 'outbox-retention',
  everyMs: 60 * 60 * 1000,
  async run(deps) {
    const before = new Date(deps.clock.now().getTime() - KEEP_DAYS * 86_400_000);
    const deleted = await purgeDeliveredOutbox(deps.db, { before, limit: 10_000 });
    return `deleted ${deleted} delivered outbox rows older than ${KEEP_DAYS} days`;
  },
};
