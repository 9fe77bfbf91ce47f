import type { PeriodicJob } from '../worker/periodic-job.js';
import { findLatestNlpModelHead } from './nlp-model.repository.js';
import { listCentreIdsWithClosedOrders } from './nlp-training.repository.js';
import { trainCentreModels } from './nlp-training.service.js';

const HOUR = 60 * 60 * 1000;

/**
 * Retrains a centre's suggestion models when the newest of them is older than
 * LIANXIN_NLP_RETRAIN_HOURS (or there is none yet). Checked hourly; the job lease keeps it to one process at a time. The
 * CPU-bound fitting runs in a worker thread (nlp-train.thread.ts), so a web process stays responsive.
 */
export const nlpRetrainJob: PeriodicJob = {
  name: 'nlp-retrain',
  everyMs: HOUR,
  async run(deps) {
    const hours = deps.config.nlpRetrainHours;
    if (hours === 0) return 'disabled (LIANXIN_NLP_RETRAIN_HOURS=0)';
    const now = deps.clock.now().getTime();
    const done: string[] = [];
    for (const centreId of await listCentreIdsWithClosedOrders(deps.db)) {
      // The newer of the two models counts: when one kind cannot be trained (too little history),
      // the other is not retrained every hour for it.
      const heads = await Promise.all([
        findLatestNlpModelHead(deps.db, centreId, 'category'),
        findLatestNlpModelHead(deps.db, centreId, 'unit'),
      ]);
      const newest = Math.max(...heads.map((h) => h?.trained_at.getTime() ?? Number.NEGATIVE_INFINITY));
      if (now - newest < hours * HOUR) continue;
      const outcomes = await trainCentreModels(deps, centreId, { minRows: deps.config.nlpMinTrainingRows });
      done.push(`${centreId}: ${outcomes.map((o) => `${o.kind} ${o.status}${o.version ? ` v${o.version}` : ''}`).join(', ')}`);
    }
    return done.length > 0 ? `retrained ${done.join('; ')}` : undefined;
  },
};
