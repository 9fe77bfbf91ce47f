import { PRESENCE_TTL_MS, type PresenceAnswerView, type PresenceLeftView } from '../contract/agent-tools.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { listOthersPresent, removePresence, touchPresence } from './presence.repository.js';

const userOf = (actor: Actor) => {
  if (!actor.userId) throw forbidden();
  return actor.userId;
};

/**
 * A heartbeat from the order page: records that this user has the order open and answers who else
 * does. Advisory only — two people may still act; the order's version check decides (ADR 0100).
 */
export async function beatPresence(deps: Deps, actor: Actor, idOrNo: string): Promise<PresenceAnswerView> {
  const userId = userOf(actor);
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const at = deps.clock.now();
  await touchPresence(deps.db, { orderId: order.id, userId, centreId: order.centre_id, at });
  const rows = await listOthersPresent(deps.db, order.id, userId, new Date(at.getTime() - PRESENCE_TTL_MS));
  return {
    others: rows.map((r) => ({ userId: r.user_id, name: r.display_name, unitName: r.unit_name, since: r.seen_at.toISOString() })),
  };
}

/** The page was closed: the others stop seeing this user at once rather than after the TTL. */
export async function leavePresence(deps: Deps, actor: Actor, idOrNo: string): Promise<PresenceLeftView> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  await removePresence(deps.db, order.id, userOf(actor));
  return { left: true };
}
