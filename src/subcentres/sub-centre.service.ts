import type { SubCentresView } from '../contract/org.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import {
  findRouteToSubCentres,
  listSubCentres,
  regionExists,
  setRouteToSubCentres,
  setSubCentreRegion,
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
