import { PRESENCE_TTL_MS } from '../contract/agent-tools.js';
import type { PeriodicJob } from '../worker/periodic-job.js';
import { pruneStalePresence } from './presence.repository.js';

/** Readers already ignore rows older than the TTL; this only keeps the table small. */
export const presencePruneJob: PeriodicJob = {
  name: 'presence-prune',
  everyMs: 60 * 1000,
  async run(deps) {
    await pruneStalePresence(deps.db, new Date(deps.clock.now().getTime() - PRESENCE_TTL_MS));
  },
};
