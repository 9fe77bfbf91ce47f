import type { GeoPoint } from './geo.js';
import type { Instant } from './orders.js';
import type { OrderState } from './vocabulary.js';

/**
 * The map (issue 18, ADR 0187). Every coordinate an API answers is WGS-84, as stored (ADR 0185); the
 * web's map component alone converts to the base tiles' system (GCJ-02 for 高德/腾讯 tiles) on the way
 * out and back to WGS-84 for a pin the user places.
 */

/** The systems base tiles may be drawn in: 天地图 and most intranet servers WGS-84/CGCS2000, 高德/腾讯 GCJ-02. */
export const MAP_TILE_CRS = ['wgs84', 'gcj02'] as const;
export type MapTileCrs = (typeof MAP_TILE_CRS)[number];

/**
 * The configured base tiles (LIANXIN_MAP_TILES…), as the web receives them in GET /api/auth/me and
 * GET /api/portal/info. null: none configured — the map draws the centre's own outlines on a plain
 * background and calls nothing outside this server.
 */
export interface MapTilesView {
  /** URL templates ({z}/{x}/{y}, {s} for a subdomain), drawn in order (a base and its labels). */
  urls: string[];
  subdomains: string;
  crs: MapTileCrs;
  attribution: string | null;
  maxZoom: number;
}

/** One order on the dispatcher's map. Never the caller; a confidential order's title is withheld too. */
export interface MapPointView {
  id: string;
  orderNo: string;
  lat: number;
  lng: number;
  state: OrderState;
  overdue: boolean;
  /** null for a confidential order (its title may name the caller). */
  title: string | null;
  confidential: boolean;
}

/** Counts of all matching orders in a cell of a `BINS × BINS` division of the box (the density layer). */
export interface MapBinView {
  /** Column (west → east) and row (south → north), 0-based. */
  x: number;
  y: number;
  count: number;
}

/** GET /api/orders/map: the newest points up to the cap, how many more match, and the density of all. */
export interface OrderMapAnswer {
  points: MapPointView[];
  /** Every order in the box that matches (points.length + more). */
  total: number;
  more: number;
  /** The box asked for, [minLng, minLat, maxLng, maxLat], and the side of the density division. */
  bbox: [number, number, number, number];
  bins: MapBinView[];
  binsPerSide: number;
  /** Per region the orders name (when asked with regionCounts=true): the wall's live counts by county. */
  regionCounts: { regionId: string; count: number }[] | null;
}

/** A region's outline drawn from its grids (regions have no boundary of their own yet). */
export interface RegionOutlineView {
  regionId: string;
  parentId: string | null;
  name: string;
  level: number;
  /** One closed ring of [lng, lat] positions (WGS-84): the convex hull of the region's grids. */
  ring: number[][];
  /** Where to write its name: the middle of its grids' box's top edge. */
  label: GeoPoint;
}

/** One appeal near a point, as the public portal shows it: no person, no text, the point blurred. */
export interface NearbyAppealView<At = Instant> {
  /** The category's name (or null when none was chosen). */
  category: string | null;
  stage: string;
  stageText: { zh: string; en: string };
  acceptedOn: At;
  /** Snapped to a 0.001° lattice (≈ 100 m), as Open311 shows points. */
  lat: number;
  lng: number;
  /** From the asked point to the blurred one, rounded to 50 m. */
  distanceMetres: number;
}

export interface NearbyAnswer<At = Instant> {
  items: NearbyAppealView<At>[];
  radiusMetres: number;
}

/** The cap of points per map answer (the density layer counts the rest), its default and the box's limit. */
export const MAP_POINTS_MAX = 5000;
export const MAP_POINTS_DEFAULT = 1000;
/** A point's title is cut to this many characters (a tooltip; the order page has the rest). */
export const MAP_TITLE_MAX = 40;
export const MAP_BINS_PER_SIDE = 32;
/** Nearby appeals on the portal: within this radius, at most this many, nearest first. */
export const NEARBY_RADIUS_METRES = 1000;
export const NEARBY_MAX = 20;
/** The lattice public points are snapped to (degrees): about 100 m. */
export const PUBLIC_POINT_STEP_DEG = 0.001;
