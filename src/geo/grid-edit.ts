import { booleanValid } from '@turf/boolean-valid';
import { difference } from '@turf/difference';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { GridGeometry } from '../contract/geo.js';
import { invalidField } from '../shared/errors.js';
import { boundsOf } from './grid-index.js';

// Pure geometry of the console's grid editing (issue 18, ADR 0207): a drawn outline checked, a grid
// split by a drawn line, two grids merged. Areas are compared in square degrees (only as "is there
// any?", so the latitude's scale does not matter); slivers below MIN_AREA are rounding, not land.

/** ~1 m² at these latitudes: an overlap or a piece smaller than this is a rounding artefact. */
export const MIN_AREA = 1e-10;

const ringArea = (ring: readonly number[][]) => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(s) / 2;
};

/** Area in square degrees (outer rings less their holes). */
export function areaOf(g: GridGeometry | null): number {
  if (!g) return 0;
  let a = 0;
  for (const polygon of g.coordinates) polygon.forEach((ring, i) => (a += i === 0 ? ringArea(ring) : -ringArea(ring)));
  return a;
}

const asMulti = (geometry: { type: string; coordinates: unknown } | null | undefined): GridGeometry | null => {
  if (!geometry) return null;
  if (geometry.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [geometry.coordinates as number[][][]] };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates as number[][][][] };
  return null;
};

type MultiFeature = { type: 'Feature'; properties: Record<string, never>; geometry: GridGeometry };
const feature = (g: GridGeometry): MultiFeature => ({ type: 'Feature', properties: {}, geometry: g });
const multiPolygon = (coordinates: number[][][][]) => feature({ type: 'MultiPolygon', coordinates });
const featureCollection = (features: MultiFeature[]) => ({ type: 'FeatureCollection' as const, features });

const orient = (a: number[], b: number[], c: number[]) =>
  Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
const onSegment = (a: number[], b: number[], p: number[]) =>
  Math.min(a[0]!, b[0]!) <= p[0]! &&
  p[0]! <= Math.max(a[0]!, b[0]!) &&
  Math.min(a[1]!, b[1]!) <= p[1]! &&
  p[1]! <= Math.max(a[1]!, b[1]!);
function segmentsMeet(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** A closed ring whose edges meet only at their shared corners (no bow-tie, no spike back along itself). */
export function ringIsSimple(ring: readonly number[][]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Neighbours share one corner; they must not fold back over each other.
        const [p, q, r] = j === i + 1 ? [ring[i]!, ring[i + 1]!, ring[j + 1]!] : [ring[j]!, ring[0]!, ring[1]!];
        if (orient(p, q, r) === 0 && (r[0]! - q[0]!) * (p[0]! - q[0]!) + (r[1]! - q[1]!) * (p[1]! - q[1]!) > 0) return false;
        continue;
      }
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return false;
    }
  return true;
}

/** The most corners a console edit may give one grid (the simple-ring check is quadratic). */
export const MAX_EDIT_POSITIONS = 5000;

/** A drawn or edited outline: a valid (OGC simple) polygon with some area, else 400 on `field`. */
export function checkOutline(g: GridGeometry, field: string): void {
  let positions = 0;
  for (const polygon of g.coordinates) for (const ring of polygon) positions += ring.length;
  if (positions > MAX_EDIT_POSITIONS) throw invalidField(field, `more than ${MAX_EDIT_POSITIONS} corners`);
  g.coordinates.forEach((polygon, pi) =>
    polygon.forEach((ring, ri) => {
      if (!ringIsSimple(ring)) throw invalidField(`${field}.coordinates[${pi}][${ri}]`, 'edges cross');
    }),
  );
  if (!booleanValid(feature(g))) throw invalidField(field, 'not a valid polygon');
  if (areaOf(g) < MIN_AREA) throw invalidField(field, 'no area');
}

/** The overlap of two outlines in square degrees (0 when their boxes do not meet). */
export function overlapArea(a: GridGeometry, b: GridGeometry): number {
  const [ax0, ay0, ax1, ay1] = boundsOf(a);
  const [bx0, by0, bx1, by1] = boundsOf(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return 0;
  return areaOf(asMulti(intersect(featureCollection([feature(a), feature(b)]))?.geometry));
}

/** Where a ray from `from` through `to` leaves the box [x0, y0, x1, y1] (from inside it). */
function exitPoint(from: number[], to: number[], box: readonly number[]): number[] {
  const dx = to[0]! - from[0]!;
  const dy = to[1]! - from[1]!;
  let t = Infinity;
  if (dx > 0) t = Math.min(t, (box[2]! - from[0]!) / dx);
  if (dx < 0) t = Math.min(t, (box[0]! - from[0]!) / dx);
  if (dy > 0) t = Math.min(t, (box[3]! - from[1]!) / dy);
  if (dy < 0) t = Math.min(t, (box[1]! - from[1]!) / dy);
  return [from[0]! + dx * t, from[1]! + dy * t];
}

/** The position of a point on a box's edge, walking anticlockwise from the lower-left corner (0…4). */
function perimeterPosition(p: number[], box: readonly number[]): number {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const eps = 1e-12 * Math.max(1, x1 - x0, y1 - y0);
  if (Math.abs(p[1]! - y0) <= eps) return (p[0]! - x0) / (x1 - x0);
  if (Math.abs(p[0]! - x1) <= eps) return 1 + (p[1]! - y0) / (y1 - y0);
  if (Math.abs(p[1]! - y1) <= eps) return 2 + (x1 - p[0]!) / (x1 - x0);
  return 3 + (y1 - p[1]!) / (y1 - y0);
}

/**
 * Splits an outline by a drawn line: the line is extended at both ends to a box well around the
 * outline, and the part of that box on the line's left closes it into a half; the outline ∩ half and
 * outline − half are the two pieces. A line that does not cross the outline leaves one piece empty:
 * 400 on `field`.
 */
export function splitOutline(g: GridGeometry, line: readonly number[][], field: string): [GridGeometry, GridGeometry] {
  const pts = line.filter((p, i) => i === 0 || p[0] !== line[i - 1]![0] || p[1] !== line[i - 1]![1]);
  if (pts.length < 2) throw invalidField(field, 'at least 2 distinct points');
  const [bx0, by0, bx1, by1] = boundsOf(g);
  const xs = [bx0, bx1, ...pts.map((p) => p[0]!)];
  const ys = [by0, by1, ...pts.map((p) => p[1]!)];
  const margin = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-6);
  const box = [Math.min(...xs) - margin, Math.min(...ys) - margin, Math.max(...xs) + margin, Math.max(...ys) + margin];
  const start = exitPoint(pts[1]!, pts[0]!, box);
  const end = exitPoint(pts[pts.length - 2]!, pts[pts.length - 1]!, box);
  // Close the half through the box's corners, anticlockwise from where the line leaves to where it entered.
  const corners = [
    [box[0]!, box[1]!],
    [box[2]!, box[1]!],
    [box[2]!, box[3]!],
    [box[0]!, box[3]!],
  ];
  const from = perimeterPosition(end, box);
  let to = perimeterPosition(start, box);
  if (to <= from) to += 4;
  const around: number[][] = [];
  for (let k = Math.ceil(from); k < to; k++) if (k > from) around.push(corners[k % 4]!);
  const ring = [start, ...pts, end, ...around, start];
  const half = multiPolygon([[ring]]);
  if (!booleanValid(half)) throw invalidField(field, 'the line crosses itself');
  const a = asMulti(intersect(featureCollection([feature(g), half]))?.geometry);
  const b = asMulti(difference(featureCollection([feature(g), half]))?.geometry);
  if (!a || !b || areaOf(a) < MIN_AREA || areaOf(b) < MIN_AREA) throw invalidField(field, 'does not cross the grid');
  return [a, b];
}

/** Two outlines as one: adjacent (sharing an edge, or overlapping) grids make one polygon, else 400. */
export function mergeOutlines(a: GridGeometry, b: GridGeometry, field: string): GridGeometry {
  const merged = asMulti(union(featureCollection([feature(a), feature(b)]))?.geometry);
  if (!merged) throw invalidField(field, 'nothing to merge');
  const parts = a.coordinates.length + b.coordinates.length;
  if (merged.coordinates.length >= parts) throw invalidField(field, 'the grids do not touch');
  return merged;
}
