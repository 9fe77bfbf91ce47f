import type { DispatchAreaView, LeagueWideUnitView, SubCentresView } from '../contract/org.js';
import { findUnit, findUnitsByIds } from '../org/unit.repository.js';
import { deskAreaRootId } from '../orders/desk-area.js';
import { pathIds } from '../orders/forward-rules.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { actorDesk } from '../users/actor-scope.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import {
  findRouteToSubCentres,
  listLeagueWideUnits,
  listSubCentres,
  regionExists,
  setRouteToSubCentres,
  setSubCentreRegion,
  setUnitLeagueWide,
} from './desk-routing.repository.js';

/** The centre's sub-centres and whether intake routes to them (the dispatch dialog and the admin read it). */
export async function getSubCentres(deps: Deps, actor: Actor): Promise<SubCentresView> {
  if (!can(actor, 'catalog.read')) throw forbidden();
  const [on, rows] = await Promise.all([findRouteToSubCentres(deps.db, actor.centreId), listSubCentres(deps.db, actor.centreId)]);
  return {
    routeToSubCentres: on,
    items: rows.map((r) => ({ id: r.id, name: r.name, active: r.active, regionId: r.region_id, regionName: r.region_name })),
  };
}

/** Gives a sub-centre its region subtree (null: none); orders accepted from now on are routed by it. */
export async function assignSubCentreRegion(deps: Deps, actor: Actor, unitId: string, regionId: string | null) {
  if (!can(actor, 'unit.manage')) throw forbidden();
  return deps.db.transaction().execute(async (tx) => {
    if (regionId && !(await regionExists(tx, actor.centreId, regionId))) throw invalidField('regionId');
    if (!(await setSubCentreRegion(tx, actor.centreId, unitId, regionId))) throw notFound('unit');
    return getSubCentres({ ...deps, db: tx }, actor);
  });
}

/** Turns routing by region at intake on or off for the actor's centre. */
export async function setSubCentreRouting(deps: Deps, actor: Actor, on: boolean) {
  if (!can(actor, 'unit.manage')) throw forbidden();
  await setRouteToSubCentres(deps.db, actor.centreId, on);
  return getSubCentres(deps, actor);
}

/**
 * Where the actor may dispatch (ADR 0153): for a sub-centre's staff its banner/county subtree and the
 * league-wide units; for the league's staff anywhere. The dispatch dialog narrows its choices by it;
 * the dispatch itself refuses outside it (orders/desk.effects.ts).
 */
export async function getDispatchArea(deps: Deps, actor: Actor): Promise<DispatchAreaView> {
  if (!can(actor, 'catalog.read')) throw forbidden();
  const leagueWideUnits = await listLeagueWideUnits(deps.db, actor.centreId);
  const deskId = actorDesk(actor);
  const desk = deskId ? await findUnit(deps.db, actor.centreId, deskId) : undefined;
  if (!desk) {
    return { anywhere: true, deskUnitId: null, deskName: null, areaUnitId: null, areaUnitName: null, leagueWideUnits };
  }
  const parentId = pathIds(desk.path).at(-2);
  const [parent] = parentId ? await findUnitsByIds(deps.db, actor.centreId, [parentId]) : [];
  const root = deskAreaRootId(desk, parent?.kind);
  return {
    anywhere: false,
    deskUnitId: desk.id,
    deskName: desk.name,
    areaUnitId: root,
    areaUnitName: root ? (parent?.name ?? null) : null,
    leagueWideUnits,
  };
}

/** The league centre's admin marks a unit 全盟通办 (or not); a sub-centre's staff may not (403). */
export async function markLeagueWide(
  deps: Deps,
  actor: Actor,
  unitId: string,
  leagueWide: boolean,
): Promise<LeagueWideUnitView[]> {
  if (!can(actor, 'unit.manage')) throw forbidden();
  if (actorDesk(actor) !== null) throw forbidden('desk.leagueWideLeagueOnly');
  const unit = await findUnit(deps.db, actor.centreId, unitId);
  if (!unit) throw notFound('unit');
  if (!(await setUnitLeagueWide(deps.db, actor.centreId, unitId, leagueWide))) throw invalidField('unitId');
  return listLeagueWideUnits(deps.db, actor.centreId);
}
