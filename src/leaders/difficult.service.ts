import type { Deps } from '../shared/deps.js';
import { DIFFICULT_MARKER_ROLES, type DifficultMarkView } from '../contract/leaders.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { markOrderEscalated } from '../orders/order.repository.js';
import type { Actor } from '../users/roles.js';
import { need, openOrderFor } from './leader-guards.js';

/**
 * 疑难件 by hand: a leader or supervisor marks an open order difficult with a reason. It then counts
 * wherever 疑难件 count (orders.escalated: lists, the leader's desk, exports), like one escalated by
 * re-handlings. Marking a 疑难件 again changes nothing.
 */
export async function markDifficult(deps: Deps, actor: Actor, idOrNo: string, reason: string): Promise<DifficultMarkView> {
  need(actor, DIFFICULT_MARKER_ROLES);
  const order = await openOrderFor(deps, actor, idOrNo);
  const at = deps.clock.now();
  const changed = await deps.db.transaction().execute(async (tx) => {
    const marked = await markOrderEscalated(tx, order.id, at);
    if (marked)
      await recordOrderEvent(tx, order, { kind: 'escalate', by: actor, at, note: reason.trim(), payload: { because: 'manual' } });
    return marked;
  });
  return { orderId: order.id, escalated: true, changed };
}
