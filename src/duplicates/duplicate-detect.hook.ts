import type { OutboxHandler } from '../worker/outbox-handlers.js';
import type { TransitionHookContext } from '../orders/transition-hooks.js';
import { findOrder } from '../orders/order.repository.js';
import { saveDuplicateCandidates } from './duplicate.repository.js';
import { findDuplicates } from './duplicate.service.js';

/** Candidates kept per new order. */
const KEEP = 5;

export const DUPLICATE_DETECT_TOPIC = 'duplicates.detect';

/**
 * On every new order (intake, any channel): queue the search for earlier orders that may be the same
 * appeal. It runs after commit in the worker (ADR 0013), so intake does not wait for it; while typing,
 * the operator already sees live candidates (POST /api/duplicates/check), and an order's page
 * recomputes its earlier candidates on every read.
 */
export async function duplicateDetectHook(ctx: TransitionHookContext): Promise<void> {
  if (ctx.action !== 'accept') return;
  ctx.outbox.push({ topic: DUPLICATE_DETECT_TOPIC, payload: { orderId: ctx.after.id, centreId: ctx.after.centre_id } });
}

/**
 * Stores the top candidates of one new order with score and reasons (read as "later matches" on the
 * earlier orders). Earlier means accepted before this order, within the window before its intake:
 * the result does not depend on when the job runs. Idempotent (upsert per order and candidate).
 */
export const duplicateDetectHandler: OutboxHandler = {
  topic: DUPLICATE_DETECT_TOPIC,
  async run(deps, payload) {
    const centreId = String(payload.centreId);
    const o = await findOrder(deps.db, { centreId, unitPath: null }, String(payload.orderId));
    if (!o) return;
    const found = await findDuplicates(deps.db, deps.clock, {
      centreId,
      scope: { centreId, unitPath: null },
      probe: { title: o.title, content: o.content, callerPhone: o.caller_phone, address: o.address, regionId: o.region_id },
      at: o.accepted_at,
      excludeOrderId: o.id,
      probeOrderNo: o.order_no,
      limit: KEEP,
    });
    await saveDuplicateCandidates(
      deps.db,
      o.id,
      found.map((f) => ({ candidateId: f.orderId, score: f.score, reasons: f.reasons })),
      deps.clock.now(),
    );
  },
};
