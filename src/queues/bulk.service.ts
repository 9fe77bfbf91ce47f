import type { BulkOutcome, BulkResultView } from '../contract/queues.js';
import type { Order } from '../db/schema.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import type { OrderDeps } from '../orders/order-hooks.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import { conflict } from '../orders/order-transition-effects.js';
import { DomainError, domainError, invalidField } from '../shared/errors.js';
import { urgeOrder } from '../supervision/supervision.service.js';
import type { Actor } from '../users/roles.js';
import type { BulkRequest } from './queues.schemas.js';

type Step = (order: Order, version: number) => Promise<number | null>;

/**
 * 批量签收 / 批量派单 / 批量催办 (ADR 0102): the orders one after another, each in its own transaction
 * through the same function a single action uses (transitionOrder, urgeOrder) with the version the
 * person saw, so an order is either fully acted on or untouched; a refusal is reported for that order
 * and the others go on.
 */
export async function bulkAct(deps: OrderDeps, actor: Actor, req: BulkRequest): Promise<BulkResultView> {
  const step = stepFor(deps, actor, req);
  let category: string | null | undefined;
  const results: BulkOutcome[] = [];
  for (const { id, version } of req.orders) {
    let order: Order | undefined;
    try {
      order = await loadVisibleOrder(deps, actor, id);
      if (req.action === 'dispatch') {
        if (order.category_id === null) throw domainError('VALIDATION', 'bulk.noCategory');
        category ??= order.category_id;
        if (order.category_id !== category) throw domainError('VALIDATION', 'bulk.otherCategory');
      }
      const newVersion = await step(order, version);
      results.push({ orderId: order.id, orderNo: order.order_no, ok: true, version: newVersion });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ orderId: id, orderNo: order?.order_no ?? null, ok: false, code: error.code, reason: error.text });
    }
  }
  const okCount = results.filter((r) => r.ok).length;
  return { action: req.action, okCount, refusedCount: results.length - okCount, results };
}

/** What is done to one order, checked once for the whole request (a missing unit or note is a 400). */
function stepFor(deps: OrderDeps, actor: Actor, req: BulkRequest): Step {
  const note = req.note ?? null;
  switch (req.action) {
    case 'sign':
      return async (order, version) =>
        (await transitionOrder(deps, { orderId: order.id, action: 'sign', version, note, payload: {}, actor })).version;
    case 'dispatch': {
      const leadUnitId = req.leadUnitId;
      if (!leadUnitId) throw invalidField('body.leadUnitId');
      const payload = { leadUnitId, assistUnitIds: req.assistUnitIds, instructions: req.instructions };
      return async (order, version) =>
        (await transitionOrder(deps, { orderId: order.id, action: 'dispatch', version, note, payload, actor })).version;
    }
    case 'urge': {
      if (!note) throw invalidField('body.note');
      // 催办 changes no state; the version still has to be the one the person saw.
      return async (order, version) => {
        if (order.version !== version) throw conflict();
        await urgeOrder(deps, actor, order.id, note);
        return order.version;
      };
    }
  }
}
