import type { PeriodicJob } from '../worker/periodic-job.js';
import { loadAuditKey } from './audit-key.js';
import { sealAuditChains } from './audit-seal.service.js';

/** Every 10 minutes: a signed checkpoint at the head of each audit chain that grew (ADR 0161). */
export const auditSealJob: PeriodicJob = {
  name: 'audit-seal',
  everyMs: 10 * 60 * 1000,
  async run(deps) {
    const r = await sealAuditChains(deps.db, loadAuditKey(deps.config.auditKeyFile), deps.clock.now());
    const broken = r.broken.map((c) => `${c.stream}/${c.centreId}: ${c.broken?.kind} at row ${c.broken?.rowId}`);
    return `sealed ${r.sealed} audit chains${broken.length ? `; NOT sealed, broken: ${broken.join('; ')}` : ''}`;
  },
};
