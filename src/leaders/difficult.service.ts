import type { Deps } from '../shared/deps.js';
import { DIFFICULT_MARKER_ROLES, type DifficultMarkView } from '../contract/leaders.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { markOrderEscalated, unmarkOrderEscalated } from '../orders/order.repository.js';
import type { Actor } from '../users/roles.js';
import { need, openOrderFor } from './leader-guards.js';

/**
 * 疑难件 by hand: a leader or supervisor marks an open order difficult with a reason. It then counts
 * wherever 疑难件 count (orders.escalated: lists, the leader's desk, exports), like one escalated by
 * re-handlings. Marking a 疑难件 again changes nothing.
 */
export async function markDifficult(deps: Deps, actor: Actor, idOrNo: string, reason: string): Promise<DifficultMarkView> {
  return setDifficult(deps, actor, idOrNo, reason, true);
}

/**
 * Takes the 疑难件 mark off by hand (ADR 0154), whoever or whatever set it (a leader, or 3 re-handlings):
 * the same roles, a reason, an `unescalate` event on the timeline. Unmarking an order that is not a
 * 疑难件 changes nothing.
 */
export async function unmarkDifficult(deps: Deps, actor: Actor, idOrNo: string, reason: string): Promise<DifficultMarkView> {
  return setDifficult(deps, actor, idOrNo, reason, false);
}

async function setDifficult(deps: Deps, actor: Actor, idOrNo: string, reason: string, escalated: boolean) {
  need(actor, DIFFICULT_MARKER_ROLES);
  const order = await openOrderFor(deps, actor, idOrNo);
  const at = deps.clock.now();
  const changed = await deps.db.transaction().execute(async (tx) => {
    const done = escalated ? await markOrderEscalated(tx, order.id, at) : await unmarkOrderEscalated(tx, order.id, at);
    if (done) {
      const event = { by: actor, at, note: reason.trim(), payload: { because: 'manual' as const } };
      await recordOrderEvent(tx, order, escalated ? { kind: 'escalate', ...event } : { kind: 'unescalate', ...event });
    }
    return done;
  });
  return { orderId: order.id, escalated, changed };
}
