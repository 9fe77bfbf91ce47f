import type { Executor } from '../db/database.js';

/** Gives each county's sub-centre the county's region and turns routing by region on (ADR 0110). */
export async function wireDemoSubCentres(
  db: Executor,
  centreId: string,
  regions: readonly { subCentreId: string; regionId: string }[],
) {
  for (const r of regions) await db.updateTable('units').set({ region_id: r.regionId }).where('id', '=', r.subCentreId).execute();
  await db.updateTable('centres').set({ route_to_sub_centres: true }).where('id', '=', centreId).execute();
}

/** Marks the league's own utilities 全盟通办: every sub-centre may dispatch to them (ADR 0153). */
export async function markDemoLeagueWide(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return;
  await db
    .updateTable('units')
    .set({ league_wide: true })
    .where('id', 'in', [...unitIds])
    .execute();
}

/** The newest order still waiting for dispatch at this desk, or at any sub-centre but this one (`elsewhere`). */
export async function newestWaitingOrder(db: Executor, centreId: string, deskUnitId: string, where: 'at' | 'elsewhere') {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('state', '=', 'accepted')
    .where((eb) =>
      where === 'at'
        ? eb('desk_unit_id', '=', deskUnitId)
        : eb.and([eb('desk_unit_id', 'is not', null), eb('desk_unit_id', '<>', deskUnitId)]),
    )
    .orderBy('accepted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
