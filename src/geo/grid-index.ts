import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { GeoPoint, GridGeometry } from '../contract/geo.js';

/** What the index needs of a grid. */
export interface IndexedGrid {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly regionId: string;
  readonly geometry: GridGeometry;
}

/** The bounding box of a MultiPolygon's outer rings: [minLng, minLat, maxLng, maxLat]. */
export function boundsOf(geometry: GridGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of geometry.coordinates)
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < minX) minX = x!;
      if (y! < minY) minY = y!;
      if (x! > maxX) maxX = x!;
      if (y! > maxY) maxY = y!;
    }
  return [minX, minY, maxX, maxY];
}

/**
 * Point → grid in the application (ADR 0185): a packed Hilbert R-tree (flatbush) over the grids'
 * boxes gives the few candidates, then an exact point-in-polygon test (turf, holes respected, the
 * boundary counting as inside). A point on a border shared by two grids belongs to the one with the
 * smaller code, so the answer never depends on the order grids were loaded — and, the arithmetic
 * being JavaScript doubles on both, it is the same whichever database stored the grids.
 */
export class GridIndex<G extends IndexedGrid = IndexedGrid> {
  private readonly tree: Flatbush | null;
  private readonly grids: readonly G[];

  constructor(grids: readonly G[]) {
    this.grids = grids;
    if (grids.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(grids.length);
    for (const g of grids) {
      const [minX, minY, maxX, maxY] = boundsOf(g.geometry);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.tree = tree;
  }

  get size(): number {
    return this.grids.length;
  }

  /** Every grid holding a WGS-84 point (a border point: each side), by code. */
  locateAll(point: GeoPoint): G[] {
    if (!this.tree || !Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return [];
    return this.tree
      .search(point.lng, point.lat, point.lng, point.lat)
      .map((i) => this.grids[i]!)
      .filter((g) => booleanPointInPolygon([point.lng, point.lat], g.geometry))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** The grid holding a WGS-84 point, or null. */
  locate(point: GeoPoint): G | null {
    if (!this.tree || !Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return null;
    const candidates = this.tree.search(point.lng, point.lat, point.lng, point.lat);
    let best: G | null = null;
    for (const i of candidates) {
      const g = this.grids[i]!;
      if (best !== null && best.code <= g.code) continue;
      if (booleanPointInPolygon([point.lng, point.lat], g.geometry)) best = g;
    }
    return best;
  }
}
