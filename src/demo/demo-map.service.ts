import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { boundsOf, GridIndex } from '../geo/grid-index.js';
import { selectActiveGridShapes } from '../geo/grid.repository.js';
import { listRegions } from '../org/catalog.repository.js';
import { Rng } from './rng.js';

/**
 * Orders on the map (issue 18, ADR 0187): the demo's orders get a point inside the demo grids of their
 * county — half of them in the county seat's town, so the seat shows a cluster and the portal's
 * "nearby" has something to show — and the grid that point lies in, as if each had been pinned at
 * intake. Demo geography only (the grids are generated squares, ADR 0185).
 */
export async function seedDemoMapPoints(db: Executor, centreId: string): Promise<number> {
  const regions = await listRegions(db, centreId);
  const grids = await selectActiveGridShapes(db, centreId);
  const index = new GridIndex(
    grids.map((g) => ({ id: g.id, code: g.code, name: g.name, regionId: g.region_id, geometry: g.geometry })),
  );
  // The grids of each county, the seat's town (its first) apart.
  const countyOf = new Map(regions.map((r) => [r.id, r.parent_id ?? r.id]));
  const byCounty = new Map<string, { seat: typeof grids; all: typeof grids }>();
  const firstTown = new Map<string, string>();
  for (const r of [...regions].sort((a, b) => a.code.localeCompare(b.code)))
    if (r.parent_id && !firstTown.has(r.parent_id)) firstTown.set(r.parent_id, r.id);
  for (const g of grids) {
    const county = countyOf.get(g.region_id)!;
    const entry = byCounty.get(county) ?? { seat: [], all: [] };
    entry.all.push(g);
    if (firstTown.get(county) === g.region_id) entry.seat.push(g);
    byCounty.set(county, entry);
  }
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'region_id'])
    .where('centre_id', '=', centreId)
    .where('lat', 'is', null)
    .where('region_id', 'is not', null)
    .orderBy('order_no')
    .execute();
  const rng = new Rng(18);
  const rows: { id: string; lat: number; lng: number; grid: string | null }[] = [];
  for (const o of orders) {
    const county = byCounty.get(countyOf.get(o.region_id!) ?? '');
    if (!county || county.all.length === 0) continue;
    const pool = county.seat.length > 0 && rng.chance(0.5) ? county.seat : county.all;
    const [minLng, minLat, maxLng, maxLat] = boundsOf(rng.pick(pool).geometry);
    const point = { lng: minLng + rng.next() * (maxLng - minLng), lat: minLat + rng.next() * (maxLat - minLat) };
    rows.push({ id: o.id, lat: point.lat, lng: point.lng, grid: index.locate(point)?.id ?? null });
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = sql.join(chunk.map((r) => sql`(${r.id}::uuid, ${r.lat}::float8, ${r.lng}::float8, ${r.grid}::uuid)`));
    await sql`update orders set lat = v.lat, lng = v.lng, grid_id = v.grid
      from (values ${values}) as v(id, lat, lng, grid) where orders.id = v.id`.execute(db);
  }
  return rows.length;
}
