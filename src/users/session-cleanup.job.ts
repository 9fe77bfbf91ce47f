import type { PeriodicJob } from '../worker/periodic-job.js';
import { deleteExpiredSessions } from './user.repository.js';

/** Expired sessions are refused at sign-in time already; this only keeps the table small. */
export const sessionCleanupJob: PeriodicJob = {
  name: 'session-cleanup',
  everyMs: 60 * 60 * 1000,
  async run(deps) {
    await deleteExpiredSessions(deps.db, deps.clock.now());
  },
};
