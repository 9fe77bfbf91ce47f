import type { Db } from '../db/database.js';
import type { AuditKey } from './audit-key.js';
import { findChainHead, listChainKeys, listCheckpoints, pruneChainThrough } from './audit-chain.repository.js';
import { verifyChain } from './audit-verify.service.js';

export interface RetentionResult {
  deleted: number;
  /** Chains left whole because they do not verify (their evidence is kept). */
  skippedBroken: number;
}

/**
 * Deletes the personal-data and administrative audit rows older than the retention period (ADR 0161),
 * cutting each chain at the last signed checkpoint made before the cut-off, which becomes the
 * chain's verifiable start. The order timeline is part of the order and is not pruned here. A chain
 * that does not verify is not pruned.
 */
export async function pruneAuditTrail(db: Db, key: AuditKey, now: Date, retentionDays: number): Promise<RetentionResult> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const result: RetentionResult = { deleted: 0, skippedBroken: 0 };
  for (const chain of (await listChainKeys(db)).filter((c) => c.stream === 'access')) {
    const head = await findChainHead(db, chain);
    if (!head) continue;
    const through = (await listCheckpoints(db, chain)).filter((c) => new Date(c.made_at).getTime() <= cutoff).at(-1);
    if (!through || Number(through.seq) <= Number(head.pruned_seq)) continue;
    const report = await verifyChain(db, key, chain, { now, minRetentionDays: retentionDays });
    if (report.broken) {
      result.skippedBroken += 1;
      continue;
    }
    result.deleted += await db.transaction().execute((tx) => pruneChainThrough(tx, chain, Number(through.seq), through.hash));
  }
  return result;
}
