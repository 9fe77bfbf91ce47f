import type { Deps } from '../shared/deps.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import { domainError, forbidden } from '../shared/errors.js';
import { hasAnyRole, UNIT_ROLES, type Actor, type Role } from '../users/roles.js';
import { isInSubtree } from '../shared/subtree.js';

export const need = (actor: Actor, roles: readonly Role[]) => {
  if (!hasAnyRole(actor, roles)) throw forbidden();
};

/** An order the actor can see (else 404) that is still open (else 409): leaders act on open orders only. */
export async function openOrderFor(deps: Deps, actor: Actor, idOrNo: string) {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  if (FINAL_STATES.includes(order.state as OrderState)) throw domainError('CONFLICT', 'leaders.orderClosed');
  return order;
}

/** A unit person answers for a unit whose path lies inside their own unit's subtree. */
export const answersFor = (actor: Actor, unitPath: string) =>
  hasAnyRole(actor, UNIT_ROLES) && actor.unitPath !== null && isInSubtree(unitPath, actor.unitPath);
