import type { GeoPoint } from '../contract/geo.js';
import {
  MAP_BINS_PER_SIDE,
  type MapBinView,
  MAP_POINTS_DEFAULT,
  type MapPointView,
  type OrderMapAnswer,
  type RegionOutlineView,
} from '../contract/map.js';
import { OPEN_STATES, ORDER_STATES, type OrderState } from '../contract/vocabulary.js';
import { warningLevelAt } from '../orders/order-time-limit.presenter.js';
import { listRegions } from '../org/catalog.repository.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { actorScope } from '../users/actor-scope.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { findGridVersion, selectActiveGridShapes } from './grid.repository.js';
import { countMapBins, countMapRegions, selectMapPoints, type MapFilter } from './order-map.repository.js';
import { regionOutlines } from './region-outline.js';

export type Box = [number, number, number, number];

/** `minLng,minLat,maxLng,maxLat` in WGS-84 degrees; anything else is 400 naming `bbox`. */
export function parseBbox(raw: string): Box {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => p === '')) throw invalidField('bbox', 'minLng,minLat,maxLng,maxLat');
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number) as Box;
  if (![minLng, minLat, maxLng, maxLat].every(Number.isFinite)) throw invalidField('bbox', 'not a number');
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) throw invalidField('bbox', 'outside the globe');
  if (minLng >= maxLng || minLat >= maxLat) throw invalidField('bbox', 'min must be below max');
  return [minLng, minLat, maxLng, maxLat];
}

/** `state=accepted,handling`: the states shown; absent, every open state (a closed order is off the map). */
export function parseStates(raw: string | undefined): OrderState[] {
  if (raw === undefined || raw.trim() === '') return [...OPEN_STATES];
  const states = [...new Set(raw.split(',').map((s) => s.trim()))];
  for (const s of states) if (!(ORDER_STATES as readonly string[]).includes(s)) throw invalidField('state', s);
  return states as OrderState[];
}

export interface OrderMapQuery {
  bbox: string;
  state?: string;
  since?: string;
  limit?: number;
  regionCounts?: boolean;
}

/**
 * GET /api/orders/map: the orders with a point in the box that the reader may see (a unit its
 * subtree's, a sub-centre its desk's — the one visibility rule), newest first up to the cap, with the
 * count of all of them per cell of the box and how many the cap left out. Never a caller; a
 * confidential order shows its point and number only.
 */
export async function ordersOnMap(deps: Deps, actor: Actor, q: OrderMapQuery): Promise<OrderMapAnswer> {
  if (!can(actor, 'order.read')) throw forbidden();
  const since = q.since === undefined ? undefined : new Date(q.since);
  if (since && Number.isNaN(since.getTime())) throw invalidField('since');
  const filter: MapFilter = { scope: actorScope(actor), box: parseBbox(q.bbox), states: parseStates(q.state), since };
  const limit = q.limit ?? MAP_POINTS_DEFAULT;
  const [rows, regions] = await Promise.all([
    selectMapPoints(deps.db, filter, limit),
    q.regionCounts ? countMapRegions(deps.db, filter) : Promise.resolve(null),
  ]);
  // Under the cap the points are all of them: count and bin them here; only a capped answer scans the box.
  const bins =
    rows.length < limit
      ? binPoints(
          rows.map((r) => ({ lat: r.lat!, lng: r.lng! })),
          filter.box,
          MAP_BINS_PER_SIDE,
        )
      : await countMapBins(deps.db, filter, MAP_BINS_PER_SIDE);
  const now = deps.clock.now();
  const points = rows.map((r): MapPointView => ({
    id: r.id,
    orderNo: r.order_no,
    lat: round6(r.lat!),
    lng: round6(r.lng!),
    state: r.state,
    overdue: warningLevelAt(now, r.deadline_due_at, null) === 'red',
    title: r.caller_confidential ? null : r.title,
    confidential: r.caller_confidential,
  }));
  const total = bins.reduce((n, b) => n + b.count, 0);
  return {
    points,
    total,
    more: Math.max(0, total - points.length),
    bbox: filter.box as Box,
    bins,
    binsPerSide: MAP_BINS_PER_SIDE,
    regionCounts: regions?.map((r) => ({ regionId: r.region_id!, count: r.count })) ?? null,
  };
}

/** 0.1 m is all a map needs; shorter numbers make a county's answer smaller. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The same cells as countMapBins (width_bucket's, far edge in the last cell), from points in hand. */
export function binPoints(points: readonly GeoPoint[], box: Box | readonly number[], side: number): MapBinView[] {
  const [minLng, minLat, maxLng, maxLat] = box as Box;
  const cell = (v: number, min: number, max: number) => Math.min(Math.floor(((v - min) / (max - min)) * side), side - 1);
  const counts = new Map<number, number>();
  for (const p of points) {
    const key = cell(p.lng, minLng, maxLng) * side + cell(p.lat, minLat, maxLat);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ x: Math.floor(key / side), y: key % side, count }));
}

/** Outlines per centre under centres.grid_version: 25,000 grids are read and hulled once per import per process. */
const outlineCache = new Map<string, { version: number; regions: string; outlines: RegionOutlineView[] }>();

/** GET /api/map/regions (and the portal's map): county and town outlines drawn from their grids. */
export async function mapRegionOutlines(deps: Deps, centreId: string): Promise<{ items: RegionOutlineView[] }> {
  const version = (await findGridVersion(deps.db, centreId)) ?? 0;
  const regions = await listRegions(deps.db, centreId);
  // A renamed or moved region changes the key as an import does (a few hundred rows: cheap to compare).
  const key = regions.map((r) => `${r.id}:${r.parent_id}:${r.name}`).join('|');
  const hit = outlineCache.get(centreId);
  if (hit && hit.version === version && hit.regions === key) return { items: hit.outlines };
  const grids = await selectActiveGridShapes(deps.db, centreId);
  const outlines = regionOutlines(
    regions.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, level: r.level })),
    grids.map((g) => ({ regionId: g.region_id, geometry: g.geometry })),
  );
  outlineCache.set(centreId, { version, regions: key, outlines });
  return { items: outlines };
}
