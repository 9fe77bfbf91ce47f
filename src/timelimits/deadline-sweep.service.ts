import type { Deps } from '../shared/deps.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { NewOutboxMessage } from '../outbox/outbox-topics.js';
import { claimDueDeadlines } from './deadline.repository.js';

export const CHECK_TOPIC = 'timelimit.check' as const;

export interface SweepResult {
  batches: number;
  deadlinesClaimed: number;
  jobsEnqueued: number;
}

export interface SweepOptions {
  batchSize?: number;
  maxBatches?: number;
  /** How long a claimed deadline waits for its job before a later sweep may claim it again. */
  leaseMs?: number;
}

/**
 * Finds deadlines whose next threshold is due (index order_deadlines_next_check_idx, bounded
 * batches, SKIP LOCKED so parallel sweeps split the work) and fans out one idempotent check job per
 * order through the outbox. The sweep itself fires nothing; the job does (checkOrderDeadlines).
 */
export async function sweepDueDeadlines(deps: Deps, opts: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = opts.batchSize ?? 500;
  const result: SweepResult = { batches: 0, deadlinesClaimed: 0, jobsEnqueued: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const claimed = await deps.db.transaction().execute(async (tx) => {
      const now = deps.clock.now();
      const rows = await claimDueDeadlines(tx, { now, limit: batchSize, leaseMs: opts.leaseMs ?? 5 * 60_000 });
      const perOrder = new Map<string, number>();
      for (const r of rows) perOrder.set(r.order_id, Math.max(perOrder.get(r.order_id) ?? 0, r.due_check_at.getTime()));
      const msgs = [...perOrder].map(([orderId, dueMs]): NewOutboxMessage => ({
        topic: CHECK_TOPIC,
        payload: { orderId },
        // Unique per claim: a lease that ran out (job lost) gets a fresh job on the next sweep.
        dedupeKey: `${CHECK_TOPIC}:${orderId}:${dueMs}:${now.getTime()}`,
      }));
      result.jobsEnqueued += await enqueueOutbox(tx, msgs, now);
      return rows.length;
    });
    result.batches += 1;
    result.deadlinesClaimed += claimed;
    if (claimed < batchSize) break;
  }
  return result;
}
