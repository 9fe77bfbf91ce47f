import { listPiiAccess } from '../orders/order-extras.repository.js';
import { findOrder, findOrderByNo } from '../orders/order.repository.js';
import type { Deps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The personal-data access log of one order of the auditor's centre. */
export async function loadVisibleOrderForAudit(deps: Deps, actor: Actor, idOrNo: string) {
  const scope = { centreId: actor.centreId, unitPath: null };
  const order = UUID.test(idOrNo) ? await findOrder(deps.db, scope, idOrNo) : await findOrderByNo(deps.db, scope, idOrNo);
  if (!order) throw notFound('order');
  return { orderId: order.id, orderNo: order.order_no, entries: await listPiiAccess(deps.db, order.id) };
}
