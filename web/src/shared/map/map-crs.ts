import type { GeoPoint } from '../../../../src/contract/geo';
import type { MapTilesView } from '../../../../src/contract/map';
import { fromWgs84, toWgs84 } from '../../../../src/shared/coordinates';

/**
 * Between our data and the drawn map (ADR 0187): every API answers WGS-84, as stored (ADR 0185); base
 * tiles from 高德/腾讯 are drawn in GCJ-02, so on such a map every point and outline is converted on
 * the way out and a placed pin back to WGS-84 on the way in. WGS-84 tiles (天地图, an intranet server)
 * and no tiles at all draw our numbers as they are.
 */
export interface MapProjection {
  /** A stored WGS-84 point as [lat, lng] on the drawn map. */
  toMap(point: GeoPoint): [number, number];
  /** A point of the drawn map (lat, lng) as WGS-84, to store. */
  fromMap(lat: number, lng: number): GeoPoint;
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function mapProjection(tiles: MapTilesView | null): MapProjection {
  if (tiles?.crs !== 'gcj02')
    return { toMap: (p) => [p.lat, p.lng], fromMap: (lat, lng) => ({ lat: round7(lat), lng: round7(lng) }) };
  return {
    toMap: (p) => {
      const q = fromWgs84(p, 'gcj02');
      return [q.lat, q.lng];
    },
    fromMap: (lat, lng) => {
      const p = toWgs84({ lat, lng }, 'gcj02');
      return { lat: round7(p.lat), lng: round7(p.lng) };
    },
  };
}

/** A GeoJSON ring ([lng, lat] positions, WGS-84) as the drawn map's [lat, lng] list. */
export const ringToMap = (projection: MapProjection, ring: readonly number[][]): [number, number][] =>
  ring.map((p) => projection.toMap({ lng: p[0]!, lat: p[1]! }));
