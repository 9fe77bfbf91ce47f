import type { Executor } from '../db/database.js';

/** Gives each county's sub-centre the county's region and turns routing by region on (ADR 0110). */
export async function wireDemoSubCentres(db: Executor, centreId: string, regions: readonly { subCentreId: string; regionId: string }[]) {
  for (const r of regions) await db.updateTable('units').set({ region_id: r.regionId }).where('id', '=', r.subCentreId).execute();
  await db.updateTable('centres').set({ route_to_sub_centres: true }).where('id', '=', centreId).execute();
}

/** The newest orders a desk holds that still wait for dispatch. */
export async function newestWaitingOrdersOfDesk(db: Executor, deskUnitId: string, limit: number) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('desk_unit_id', '=', deskUnitId)
    .where('state', '=', 'accepted')
    .orderBy('accepted_at', 'desc')
    .limit(limit)
    .execute();
}
