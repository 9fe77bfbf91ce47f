import type { OutboxHandler } from '../worker/outbox-handlers.js';
import type { IntakeHook } from '../orders/order-hooks.js';
import { findOrder } from '../orders/order.repository.js';
import { saveDuplicateCandidates } from './duplicate.repository.js';
import { findDuplicates } from './duplicate.service.js';

/** Candidates kept per new order. */
const KEEP = 5;

export const DUPLICATE_DETECT_TOPIC = 'duplicates.detect' as const;

/**
 * On every new order (intake, any channel): queue the search for earlier orders that may be the same
 * appeal. It runs after commit in the worker (ADR 0013), so intake does not wait for it; while typing,
 * the operator already sees live candidates (POST /api/duplicates/check), and an order's page
 * recomputes its earlier candidates on every read.
 */
export const duplicateDetectHook: IntakeHook = async () => ({
  companions: (order) => ({
    outbox: [{ topic: DUPLICATE_DETECT_TOPIC, payload: { orderId: order.id, centreId: order.centre_id } }],
  }),
});

/**
 * Stores the top candidates of one new order with score and reasons (read as "later matches" on the
 * earlier orders). Earlier means accepted before this order, within the window before its intake:
 * the result does not depend on when the job runs. Idempotent (upsert per order and candidate).
 */
export const duplicateDetectHandler: OutboxHandler<typeof DUPLICATE_DETECT_TOPIC> = {
  topic: DUPLICATE_DETECT_TOPIC,
  async run(deps, payload) {
    const { centreId, orderId } = payload;
    const o = await findOrder(deps.db, { centreId, unitPath: null }, orderId);
    if (!o) return;
    const found = await findDuplicates(deps.db, deps.clock, {
      centreId,
      scope: { centreId, unitPath: null },
      probe: {
        title: o.title,
        content: o.content,
        callerPhone: o.caller_phone,
        address: o.address,
        regionId: o.region_id,
        point: o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null,
        categoryId: o.category_id,
      },
      at: o.accepted_at,
      excludeOrderId: o.id,
      probeOrderNo: o.order_no,
      limit: KEEP,
    });
    await saveDuplicateCandidates(
      deps.db,
      o.id,
      found.map((f) => ({ candidateId: f.orderId, score: f.score, reasons: f.reasons, distanceMetres: f.distanceMetres })),
      deps.clock.now(),
    );
  },
};
