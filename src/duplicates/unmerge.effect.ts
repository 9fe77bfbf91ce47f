import type { EffectContext, EffectResult } from '../orders/order-transition-effects.js';
import { findOrder } from '../orders/order.repository.js';
import { domainError } from '../shared/errors.js';
import { deleteDuplicateLink } from './duplicate.repository.js';

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
