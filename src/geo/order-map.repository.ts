import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { OrderState } from '../contract/vocabulary.js';
import { whereVisible, type OrderScope } from '../orders/order.repository.js';
import { MAP_TITLE_MAX } from '../contract/map.js';

/** What the map asks for: a box in WGS-84, the states, the orders accepted since. */
export interface MapFilter {
  readonly scope: OrderScope;
  readonly box: readonly [number, number, number, number];
  readonly states: readonly OrderState[];
  readonly since?: Date;
}

/** The orders with a point in the box that the reader may see (orders_map_box_idx, migration 0990). */
function inBox(db: Executor, f: MapFilter): SelectQueryBuilder<DB, 'orders', object> {
  const [minLng, minLat, maxLng, maxLat] = f.box;
  let q = whereVisible(db.selectFrom('orders'), f.scope)
    .where('orders.lng', '>=', minLng)
    .where('orders.lng', '<=', maxLng)
    .where('orders.lat', '>=', minLat)
    .where('orders.lat', '<=', maxLat)
    .where('orders.state', 'in', f.states);
  if (f.since) q = q.where('orders.accepted_at', '>=', f.since);
  return q;
}

/** The newest points of the box, up to `limit` (orders_queue_accepted_idx walks newest first). */
export async function selectMapPoints(db: Executor, f: MapFilter, limit: number) {
  return inBox(db, f)
    .select([
      'orders.id',
      'orders.order_no',
      'orders.lat',
      'orders.lng',
      'orders.state',
      // A tooltip's worth: the order page has the rest, and a county's answer stays small.
      sql<string>`left(orders.title, ${MAP_TITLE_MAX})`.as('title'),
      'orders.caller_confidential',
      'orders.deadline_due_at',
    ])
    .orderBy('orders.accepted_at', 'desc')
    .orderBy('orders.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Every matching order counted per cell of a `side × side` division of the box, in one pass: the
 * density layer, and (summed) the total the cap leaves out.
 */
export async function countMapBins(db: Executor, f: MapFilter, side: number) {
  const [minLng, minLat, maxLng, maxLat] = f.box;
  // width_bucket (a built-in) is 1..side inside the box and side + 1 on its far edge: clamp, count from 0.
  const x = sql<number>`least(width_bucket(orders.lng, ${minLng}::float8, ${maxLng}::float8, ${side}), ${side}) - 1`;
  const y = sql<number>`least(width_bucket(orders.lat, ${minLat}::float8, ${maxLat}::float8, ${side}), ${side}) - 1`;
  return inBox(db, f)
    .select([x.as('x'), y.as('y'), sql<number>`count(*)::int`.as('count')])
    .groupBy([sql`1`, sql`2`])
    .execute();
}

/** Matching orders per region they name (the wall's counts by county; the caller rolls towns up). */
export async function countMapRegions(db: Executor, f: MapFilter) {
  return inBox(db, f)
    .select(['orders.region_id', sql<number>`count(*)::int`.as('count')])
    .where('orders.region_id', 'is not', null)
    .groupBy('orders.region_id')
    .execute();
}

/**
 * Open, non-confidential appeals of the centre in a box around a point, nearest first (the portal's
 * "nearby"; the distance is exact enough in an equirectangular projection over a kilometre).
 */
export async function selectNearbyAppeals(
  db: Executor,
  f: { centreId: string; box: readonly [number, number, number, number]; states: readonly OrderState[]; limit: number },
  at: { lat: number; lng: number },
) {
  const [minLng, minLat, maxLng, maxLat] = f.box;
  const k = Math.cos((at.lat * Math.PI) / 180);
  return db
    .selectFrom('orders')
    .leftJoin('categories', 'categories.id', 'orders.category_id')
    .select(['orders.lat', 'orders.lng', 'orders.state', 'orders.accepted_at', 'categories.name as category'])
    .where('orders.centre_id', '=', f.centreId)
    .where('orders.lng', '>=', minLng)
    .where('orders.lng', '<=', maxLng)
    .where('orders.lat', '>=', minLat)
    .where('orders.lat', '<=', maxLat)
    .where('orders.state', 'in', f.states)
    .where('orders.caller_confidential', '=', false)
    .orderBy(sql`power(orders.lat - ${at.lat}, 2) + power((orders.lng - ${at.lng}) * ${k}, 2)`)
    .orderBy('orders.id')
    .limit(f.limit)
    .execute();
}
