import type { Executor } from '../db/database.js';
import type { Unit } from '../db/schema.js';
import { findUnitsByIds } from '../org/unit.repository.js';
import { domainError } from '../shared/errors.js';
import { actorDesk } from '../users/actor-scope.js';
import type { Actor } from '../users/roles.js';
import { deskAreaRootId, inDeskArea } from './desk-area.js';
import { pathIds } from './forward-rules.js';
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

/**
 * A sub-centre's dispatcher dispatches inside its area only (ADR 0153): the banner/county it sits in
 * and the league-wide units. The league centre's staff dispatch anywhere. The refusal is a 400 naming
 * the field (`leadUnitId`, `assistUnitIds`), the unit and the area.
 */
export async function refuseOutsideDeskArea(
  tx: Executor,
  actor: Actor,
  centreId: string,
  targets: readonly { unit: Unit; field: 'leadUnitId' | 'assistUnitIds' }[],
): Promise<void> {
  const deskId = actorDesk(actor);
  if (!deskId || targets.length === 0) return;
  const [desk] = await findUnitsByIds(tx, centreId, [deskId]);
  if (!desk) return;
  const parentId = pathIds(desk.path).at(-2);
  const lineageIds = new Set([...(parentId ? [parentId] : []), ...targets.flatMap((t) => pathIds(t.unit.path))]);
  const lineage = await findUnitsByIds(tx, centreId, [...lineageIds]);
  const parent = lineage.find((u) => u.id === parentId);
  const root = deskAreaRootId(desk, parent?.kind);
  for (const t of targets) {
    if (inDeskArea(root, t.unit, lineage)) continue;
    const area = root && parent ? parent.name : desk.name;
    throw domainError('VALIDATION', 'desk.outsideArea', { unit: t.unit.name, desk: desk.name, area }, { field: t.field });
  }
}
