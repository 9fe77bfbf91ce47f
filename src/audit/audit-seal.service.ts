import type { Executor } from '../db/database.js';
import { checkpointText, type AuditKey } from './audit-key.js';
import { insertCheckpoint, listChainKeys, listCheckpoints } from './audit-chain.repository.js';
import { verifyChain, type ChainReport } from './audit-verify.service.js';

export interface SealResult {
  sealed: number;
  /** Chains that were not sealed because the rows since their last checkpoint do not verify. */
  broken: ChainReport[];
}

/**
 * Signs a checkpoint at the head of every chain that grew since its last one (ADR 0161), after
 * verifying the rows since that checkpoint: a tampered segment is never sealed.
 */
export async function sealAuditChains(db: Executor, key: AuditKey, now: Date): Promise<SealResult> {
  const result: SealResult = { sealed: 0, broken: [] };
  for (const chain of await listChainKeys(db)) {
    const checkpoints = await listCheckpoints(db, chain);
    const last = checkpoints.at(-1);
    const report = await verifyChain(
      db,
      key,
      chain,
      { now },
      undefined,
      last ? { seq: Number(last.seq), hash: last.hash } : undefined,
    );
    if (report.broken) {
      result.broken.push(report);
      continue;
    }
    if (!report.last || report.last.seq <= (last ? Number(last.seq) : 0)) continue;
    const checkpoint = {
      stream: chain.stream,
      centre_id: chain.centreId,
      seq: report.last.seq,
      hash: report.last.hash,
      made_at: now,
    };
    await insertCheckpoint(db, { ...checkpoint, key_id: key.id, signature: key.sign(checkpointText(checkpoint)) });
    result.sealed += 1;
  }
  return result;
}
