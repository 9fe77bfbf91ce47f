import type { PeriodicJob } from './periodic-job.js';
import { outboxRetentionJob } from './outbox-retention.job.js';
import { deadlineSweepJob } from '../timelimits/deadline-sweep.job.js';
import { sessionCleanupJob } from '../users/session-cleanup.job.js';
import { kpiRollupJob } from '../analytics/kpi/kpi-rollup.job.js';
import { nlpRetrainJob } from '../nlp/nlp-retrain.job.js';
import { knowledgeExpiryJob } from '../knowledge/knowledge-expiry.job.js';
import { calendarCoverageJob } from '../calendar/calendar-coverage.job.js';
import { presencePruneJob } from '../presence/presence-prune.job.js';
import { auditSealJob } from '../audit/audit-seal.job.js';
import { auditRetentionJob } from '../audit/audit-retention.job.js';
import { retentionJob } from '../retention/retention.job.js';
import { visitLinkFallbackJob } from '../visits/visit-link-fallback.job.js';
import { directVisitSamplingJob } from '../visits/direct-visit-sampling.job.js';

/**
 * EVERY periodic job of lianxin, listed explicitly (see docs/ARCHITECTURE.md, "Background work").
 * To add one: write `src/<domain>/<name>.job.ts` exporting a PeriodicJob and add it here.
 */
export const periodicJobs: readonly PeriodicJob[] = [
  outboxRetentionJob,
  sessionCleanupJob,
  deadlineSweepJob,
  kpiRollupJob,
  nlpRetrainJob,
  knowledgeExpiryJob,
  calendarCoverageJob,
  presencePruneJob,
  auditSealJob,
  auditRetentionJob,
  retentionJob,
  visitLinkFallbackJob,
  directVisitSamplingJob,
];
