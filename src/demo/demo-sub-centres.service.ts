import type { Executor } from '../db/database.js';
import type { OrderDeps } from '../orders/order-hooks.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import type { Actor } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { DemoCatalog } from './demo-org.service.js';
import { COMPANIES } from './demo-org.data.js';
import { markDemoLeagueWide, newestWaitingOrder, wireDemoSubCentres } from './demo-sub-centres.repository.js';

/** The sub-centre of `subdispatcher` (appended to DEMO_USERS). */
export const DEMO_SUB_CENTRE = '锡林浩特市12345分中心';

/**
 * The 13 sub-centres (`<county>12345分中心`) own their county's region and intake routes by region
 * (ADR 0110), so the history's county orders are held by their sub-centres from the start; the
 * league's utilities are league-wide, so every sub-centre dispatches to them (ADR 0153).
 */
export async function seedDemoSubCentres(tx: Executor, catalog: DemoCatalog): Promise<number> {
  const wired = catalog.counties.flatMap((c) => {
    const desk = catalog.units.find((u) => u.kind === 'sub_centre' && u.name === `${c.name}12345分中心`);
    return desk ? [{ subCentreId: desk.id, regionId: c.regionId }] : [];
  });
  await wireDemoSubCentres(tx, catalog.centreId, wired);
  // the league's utilities (供电, 通信) serve every county: any sub-centre may dispatch to them (ADR 0153)
  const leagueUtilities = new Set(COMPANIES.filter((c) => !c.county).map((c) => c.name));
  await markDemoLeagueWide(
    tx,
    catalog.units.filter((u) => u.kind === 'company' && leagueUtilities.has(u.name)).map((u) => u.id),
  );
  return wired.length;
}

const deskActor = async (
  deps: OrderDeps,
  catalog: DemoCatalog,
  username: string,
  deskUnitId: string | null,
): Promise<Actor | null> => {
  const user = await findUserByUsername(deps.db, username);
  if (!user) return null;
  const unit = catalog.units.find((u) => u.id === user.unit_id);
  return {
    kind: 'user',
    userId: user.id,
    centreId: catalog.centreId,
    unitId: user.unit_id,
    unitPath: unit?.path ?? null,
    roles: ['dispatcher'],
    label: user.display_name,
    deskUnitId,
  };
};

/**
 * After the history, one 上交中心 and one 转分中心 on the timeline: 锡林浩特市's sub-centre hands its
 * newest waiting order up with a reason, and the league routes another sub-centre's newest waiting
 * order across to 锡林浩特市 (an address on the county line). Returns the moves made.
 */
export async function seedDemoDeskMoves(deps: OrderDeps, catalog: DemoCatalog): Promise<number> {
  const xilinhot = catalog.units.find((u) => u.kind === 'sub_centre' && u.name === DEMO_SUB_CENTRE);
  if (!xilinhot) return 0;
  const sub = await deskActor(deps, catalog, 'subdispatcher', xilinhot.id);
  const league = await deskActor(deps, catalog, 'dispatcher', null);
  if (!sub || !league) return 0;
  let moves = 0;
  const up = await newestWaitingOrder(deps.db, catalog.centreId, xilinhot.id, 'at');
  if (up) {
    const payload = { reason: '诉求涉及盟直部门职责，请中心统筹派单' };
    await transitionOrder(deps, { orderId: up.id, action: 'hand_up', version: up.version, payload, actor: sub });
    moves += 1;
  }
  const across = await newestWaitingOrder(deps.db, catalog.centreId, xilinhot.id, 'elsewhere');
  if (across) {
    const payload = { deskUnitId: xilinhot.id };
    const note = '地址位于锡林浩特市辖区，转锡林浩特市分中心';
    await transitionOrder(deps, {
      orderId: across.id,
      action: 'route_to_desk',
      version: across.version,
      payload,
      actor: league,
      note,
    });
    moves += 1;
  }
  return moves;
}
