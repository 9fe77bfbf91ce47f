import type { Executor } from '../db/database.js';

/** What routing by region reads: the centre's switch, its region tree and its sub-centres' regions. */
export async function loadRoutingFacts(db: Executor, centreId: string) {
  const [centre, regions, desks] = await Promise.all([
    db.selectFrom('centres').select('route_to_sub_centres').where('id', '=', centreId).executeTakeFirst(),
    db.selectFrom('regions').select(['id', 'parent_id']).where('centre_id', '=', centreId).execute(),
    db
      .selectFrom('units')
      .select(['id', 'name', 'region_id'])
      .where('centre_id', '=', centreId)
      .where('kind', '=', 'sub_centre')
      .where('active', '=', true)
      .where('region_id', 'is not', null)
      .execute(),
  ]);
  return { on: centre?.route_to_sub_centres ?? false, regions, desks };
}

/** The centre's sub-centres with the region each owns (null: none yet). */
export async function listSubCentres(db: Executor, centreId: string) {
  return db
    .selectFrom('units')
    .leftJoin('regions', 'regions.id', 'units.region_id')
    .select(['units.id', 'units.name', 'units.active', 'units.region_id', 'regions.name as region_name'])
    .where('units.centre_id', '=', centreId)
    .where('units.kind', '=', 'sub_centre')
    .orderBy('units.code')
    .execute();
}

export async function setSubCentreRegion(db: Executor, centreId: string, unitId: string, regionId: string | null) {
  const r = await db
    .updateTable('units')
    .set({ region_id: regionId })
    .where('centre_id', '=', centreId)
    .where('id', '=', unitId)
    .where('kind', '=', 'sub_centre')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setRouteToSubCentres(db: Executor, centreId: string, on: boolean) {
  await db.updateTable('centres').set({ route_to_sub_centres: on }).where('id', '=', centreId).execute();
}

export async function findRouteToSubCentres(db: Executor, centreId: string) {
  const row = await db.selectFrom('centres').select('route_to_sub_centres').where('id', '=', centreId).executeTakeFirst();
  return row?.route_to_sub_centres ?? false;
}

export async function regionExists(db: Executor, centreId: string, regionId: string) {
  const row = await db
    .selectFrom('regions')
    .select('id')
    .where('centre_id', '=', centreId)
    .where('id', '=', regionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The units marked league-wide (全盟通办, ADR 0153). */
export async function listLeagueWideUnits(db: Executor, centreId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('centre_id', '=', centreId)
    .where('league_wide', '=', true)
    .orderBy('code')
    .execute();
}

/** Marks a unit league-wide or not; false when no such unit (a centre or sub-centre node is refused by the caller). */
export async function setUnitLeagueWide(db: Executor, centreId: string, unitId: string, leagueWide: boolean) {
  const r = await db
    .updateTable('units')
    .set({ league_wide: leagueWide })
    .where('centre_id', '=', centreId)
    .where('id', '=', unitId)
    .where('kind', 'not in', ['centre', 'sub_centre'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
