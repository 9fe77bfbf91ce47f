import type { LiveCallView } from '../contract/calls.js';
import { maskPhone } from '../orders/masking.js';
import { normalizePhone } from '../orders/phone.js';
import { can } from '../users/permissions.js';
import { isUnitScoped, type Actor } from '../users/roles.js';
import { actorDesk } from '../users/actor-scope.js';
import { isInSubtree } from '../shared/subtree.js';
import type { CallChangeRow } from './live.repository.js';

/** A call's change as fanned out to connections (ADR 0140). */
export type CallChange = CallChangeRow;

/** A change as fanned out to connections: the event plus the units the order was ever sent to. */
export interface OrderChange {
  id: number;
  orderId: string;
  centreId: string;
  action: string;
  toState: string | null;
  unitPaths: readonly string[];
  /** The desk holding the order now (ADR 0110); absent or null = the league centre's. */
  deskUnitId?: string | null;
}

/**
 * Whether a connected user may hear of a change: same centre, and for unit users only orders sent
 * into their unit subtree, for a sub-centre's staff only its desk's orders — the same rule as reading
 * the order (order.repository whereVisible).
 */
export function isChangeVisibleTo(actor: Actor, change: OrderChange): boolean {
  if (actor.centreId !== change.centreId) return false;
  const desk = actorDesk(actor);
  if (desk) return change.deskUnitId === desk;
  if (!isUnitScoped(actor)) return true;
  const root = actor.unitPath;
  return root !== null && change.unitPaths.some((p) => isInSubtree(p, root));
}

/**
 * Whether a re-resolved session still hears what its stream was opened for: same user, centre, unit
 * (and unit path) and roles. Deliberately wider than what isChangeVisibleTo reads today, so a filter
 * that starts reading another role can never run on a stale actor; a stream whose audience changed is
 * closed and the browser reconnects with a fresh filter.
 */
export function sameAudience(opened: Actor, now: Actor): boolean {
  const roles = (a: Actor) => [...new Set(a.roles)].sort().join(',');
  return (
    opened.userId === now.userId &&
    opened.centreId === now.centreId &&
    opened.unitId === now.unitId &&
    opened.unitPath === now.unitPath &&
    (opened.deskUnitId ?? null) === (now.deskUnitId ?? null) &&
    roles(opened) === roles(now)
  );
}

/** The message body sent to the browser: no titles or personal data, only what to refetch. */
export const presentChange = (c: OrderChange) => ({ id: c.id, orderId: c.orderId, action: c.action, toState: c.toState });

/** A call is heard only by the operator it was offered to or answered by (and who may take calls). */
export const isCallForActor = (actor: Actor, call: CallChange): boolean =>
  actor.centreId === call.centreId && actor.userId !== null && call.operatorUserId === actor.userId && can(actor, 'call.record');

/**
 * The screen-pop message: which call, its state, and the number — masked unless the reader may see
 * phones (pii.read), as on the order page. Reading the caller's history stays GET /api/calls/:id/screen-pop.
 */
export function presentCallChange(call: CallChange, mayReadPhone: boolean): LiveCallView {
  const phone = normalizePhone(call.callerNumber);
  return {
    callId: call.callId,
    status: call.status as LiveCallView['status'],
    callerNumber: phone ? (mayReadPhone ? phone : maskPhone(phone)) : null,
    masked: !mayReadPhone,
  };
}
