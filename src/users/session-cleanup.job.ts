import type { PeriodicJob } from '../worker/periodic-job.js';
import { deleteExpiredSessions } from './user.repository.js';
import { deleteStaleThrottleBuckets } from './login-throttle.repository.js';
import { deleteExpiredChallenges } from './totp.repository.js';

/** Expired sessions (and sign-in throttle windows a day old) are ignored already; this only keeps the tables small. */
export const sessionCleanupJob: PeriodicJob = {
  name: 'session-cleanup',
  everyMs: 60 * 60 * 1000,
  async run(deps) {
    const now = deps.clock.now();
    await deleteExpiredSessions(deps.db, now);
    await deleteExpiredChallenges(deps.db, now);
    await deleteStaleThrottleBuckets(deps.db, new Date(now.getTime() - 24 * 3600_000));
  },
};
