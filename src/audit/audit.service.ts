import { listPiiAccess } from '../orders/order-extras.repository.js';
import { findOrderByIdOrNo } from '../orders/order.repository.js';
import type { Deps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';

/** The personal-data access log of one order of the auditor's centre. */
export async function loadVisibleOrderForAudit(deps: Deps, actor: Actor, idOrNo: string) {
  const order = await findOrderByIdOrNo(deps.db, { centreId: actor.centreId, unitPath: null }, idOrNo);
  if (!order) throw notFound('order');
  return { orderId: order.id, orderNo: order.order_no, entries: await listPiiAccess(deps.db, order.id) };
}
