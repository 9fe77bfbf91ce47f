import gcoord, { type CRSTypes } from 'gcoord';
import type { CoordSystem, GeoPoint } from '../contract/geo.js';

// WGS-84 is the one stored system (ADR 0185). GCJ-02 / BD-09 are converted with gcoord (MIT, a
// maintained implementation of the published GCJ-02 offset and Baidu's BD-09 formula; GCJ-02 → WGS-84
// is its iterative inverse, within 1e-6° ≈ 0.1 m). Outside China's box the offsets do not apply and a
// point passes unchanged, as the formulas define.

const CRS: Record<CoordSystem, CRSTypes> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/** A point given in `from` as WGS-84 (what lianxin stores). */
export function toWgs84(point: GeoPoint, from: CoordSystem = 'wgs84'): GeoPoint {
  if (from === 'wgs84') return { lat: point.lat, lng: point.lng };
  const [lng, lat] = gcoord.transform([point.lng, point.lat] as [number, number], CRS[from], gcoord.WGS84);
  return { lat, lng };
}

/** A stored WGS-84 point in the system a map or a caller asks for. */
export function fromWgs84(point: GeoPoint, to: CoordSystem): GeoPoint {
  if (to === 'wgs84') return { lat: point.lat, lng: point.lng };
  const [lng, lat] = gcoord.transform([point.lng, point.lat] as [number, number], gcoord.WGS84, CRS[to]);
  return { lat, lng };
}

/** A [lng, lat] position converted to WGS-84 (GeoJSON order). */
export function positionToWgs84(position: readonly number[], from: CoordSystem): [number, number] {
  const p = toWgs84({ lng: position[0]!, lat: position[1]! }, from);
  return [p.lng, p.lat];
}

const EARTH_RADIUS_M = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine; enough for "is the photo taken on site"). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
