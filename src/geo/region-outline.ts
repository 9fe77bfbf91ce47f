import type { GridGeometry } from '../contract/geo.js';
import type { RegionOutlineView } from '../contract/map.js';

/** What an outline needs of a region and of a grid. */
export interface OutlineRegion {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly level: number;
}
export interface OutlineGrid {
  readonly regionId: string;
  readonly geometry: GridGeometry;
}

const cross = (o: number[], a: number[], b: number[]) => (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);

/** The convex hull of [lng, lat] positions (Andrew's monotone chain), as a closed ring, counter-clockwise. */
export function convexHull(positions: readonly number[][]): number[][] {
  const pts = [...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  if (pts.length < 3) return pts.length ? [...pts, pts[0]!] : [];
  const lower: number[][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: number[][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...ring, ring[0]!];
}

/**
 * Each region's outline as the convex hull of the grids in its subtree (a town: its own grids; a
 * county: its towns'). Regions carry no boundary of their own yet (ADR 0187): the hull is exact for the
 * demo's square blocks and an honest "extent" for real grids, drawn dashed. Regions without grids are left out.
 */
export function regionOutlines(regions: readonly OutlineRegion[], grids: readonly OutlineGrid[]): RegionOutlineView[] {
  const parentOf = new Map(regions.map((r) => [r.id, r.parentId]));
  const corners = new Map<string, number[][]>();
  for (const g of grids)
    for (let id: string | null | undefined = g.regionId; id; id = parentOf.get(id)) {
      const list = corners.get(id) ?? [];
      for (const polygon of g.geometry.coordinates) list.push(...(polygon[0] ?? []));
      corners.set(id, list);
    }
  const out: RegionOutlineView[] = [];
  for (const r of regions) {
    const list = corners.get(r.id);
    if (!list) continue;
    const ring = convexHull(list);
    const lngs = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    // Above the outline's top edge, centred: the name does not cover the region's own dots.
    const label = { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: Math.max(...lats) };
    out.push({ regionId: r.id, parentId: r.parentId, name: r.name, level: r.level, ring, label });
  }
  return out;
}
