import type { PeriodicJob } from '../worker/periodic-job.js';
import { loadAuditKey } from './audit-key.js';
import { pruneAuditTrail } from './audit-retention.service.js';

/** Daily: the audit trail older than LIANXIN_AUDIT_RETENTION_DAYS is pruned from a signed checkpoint. */
export const auditRetentionJob: PeriodicJob = {
  name: 'audit-retention',
  everyMs: 24 * 60 * 60 * 1000,
  async run(deps) {
    const days = deps.config.auditRetentionDays;
    const r = await pruneAuditTrail(deps.db, loadAuditKey(deps.config.auditKeyFile), deps.clock.now(), days);
    return `deleted ${r.deleted} audit rows older than ${days} days${r.skippedBroken ? `; ${r.skippedBroken} broken chains kept whole` : ''}`;
  },
};
