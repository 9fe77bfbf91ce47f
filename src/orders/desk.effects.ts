import { findUnitsByIds } from '../org/unit.repository.js';
import { domainError } from '../shared/errors.js';
import type { EffectContext, EffectResult } from './order-effect.js';

/**
 * Which desk holds an order waiting for dispatch (ADR 0110): the league centre's (desk null) or a
 * sub-centre's. The event names both desks, so the timeline reads 锡林浩特市12345分中心 → 市级中心.
 */

/** 转分中心: the league's dispatcher sends the order to a sub-centre, or across from one to another. */
export async function routeToDeskEffect(ctx: EffectContext<'route_to_desk'>): Promise<EffectResult> {
  const { tx, order, payload } = ctx;
  const ids = [payload.deskUnitId, ...(order.desk_unit_id ? [order.desk_unit_id] : [])];
  const units = await findUnitsByIds(tx, order.centre_id, ids);
  const desk = units.find((u) => u.id === payload.deskUnitId);
  if (!desk || desk.kind !== 'sub_centre' || !desk.active) {
    throw domainError('VALIDATION', 'desk.notSubCentre', {}, { field: 'deskUnitId' });
  }
  if (order.desk_unit_id === desk.id) throw domainError('CONFLICT', 'desk.alreadyThere', {}, { field: 'deskUnitId' });
  const from = units.find((u) => u.id === order.desk_unit_id);
  return {
    patch: { desk_unit_id: desk.id },
    eventPayload: {
      deskUnitId: desk.id,
      deskName: desk.name,
      fromDeskUnitId: from?.id ?? null,
      fromDeskName: from?.name ?? null,
    },
  };
}

/** 上交中心: the sub-centre holding the order gives it back to the league centre, saying why. */
export async function handUpEffect(ctx: EffectContext<'hand_up'>): Promise<EffectResult> {
  const { tx, order, payload } = ctx;
  const [from] = order.desk_unit_id ? await findUnitsByIds(tx, order.centre_id, [order.desk_unit_id]) : [];
  return {
    patch: { desk_unit_id: null },
    eventPayload: { reason: payload.reason, fromDeskUnitId: order.desk_unit_id, fromDeskName: from?.name ?? null },
  };
}
