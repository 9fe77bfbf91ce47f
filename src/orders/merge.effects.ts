import { domainError, notFound } from '../shared/errors.js';
import { closing, type EffectContext, type EffectResult } from './order-effect.js';
import { deleteDuplicateLink, insertOrderLink } from './order-extras.repository.js';
import { findOrder, hasOrdersMergedInto, lockOrders } from './order.repository.js';

/**
 * 并单: the order closes as a duplicate of the main order. Both rows are locked first (in id order)
 * and the main order re-read, so two crosswise merges (A into B, B into A) cannot both pass, and no
 * chain forms: an order others are merged into is not merged itself, and nothing merges into a
 * merged or void order. A closed main order is fine: a repeat call about a matter already answered
 * is recorded on it (重复来电), and the caller is told its answer.
 */
export async function mergeEffect(ctx: EffectContext<'merge'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at } = ctx;
  if (payload.intoOrderId === order.id) {
    throw domainError('VALIDATION', 'duplicate.intoItself', {}, { field: 'intoOrderId' });
  }
  // One read locks both rows; the order's own version is checked by the transition's conditional
  // update, under this lock.
  const main = (await lockOrders(tx, order.centre_id, [order.id, payload.intoOrderId])).find((o) => o.id === payload.intoOrderId);
  if (!main) throw notFound('order');
  if (main.state === 'merged' || main.state === 'invalid')
    throw domainError('VALIDATION', 'duplicate.mainFinal', { state: main.state });
  if (await hasOrdersMergedInto(tx, order.id)) throw domainError('VALIDATION', 'duplicate.hasDuplicates');
  await insertOrderLink(tx, { orderId: order.id, linkedOrderId: main.id, kind: 'duplicate', by: actor.userId, at });
  return {
    patch: { merged_into_id: main.id, ...closing(at, 'merged') },
    eventPayload: { intoOrderId: main.id, intoOrderNo: main.order_no },
  };
}

/**
 * Undoes a merge (撤销并单): the order leaves the main order, its duplicate link is removed and it
 * is open again in `accepted`; the timeline keeps the merge and this step.
 */
export async function unmergeEffect(ctx: EffectContext<'unmerge'>): Promise<EffectResult> {
  const { tx, order, payload } = ctx;
  if (!order.merged_into_id) throw domainError('VALIDATION', 'duplicate.notMerged');
  const main = await findOrder(tx, { centreId: order.centre_id, unitPath: null }, order.merged_into_id);
  await deleteDuplicateLink(tx, order.id, order.merged_into_id);
  return {
    patch: { merged_into_id: null, closed_at: null, closure_kind: null },
    eventPayload: { fromOrderId: order.merged_into_id, fromOrderNo: main?.order_no ?? null, reason: payload.reason },
  };
}
