import { NEARBY_MAX, NEARBY_RADIUS_METRES, PUBLIC_POINT_STEP_DEG } from '../contract/map.js';
import type { GeoPoint } from '../contract/geo.js';
import { OPEN_STATES, type OrderState } from '../contract/vocabulary.js';
import { distanceMetres } from '../shared/coordinates.js';
import type { Deps } from '../shared/deps.js';
import { selectNearbyAppeals } from './order-map.repository.js';

/** A public position: snapped to a 0.001° lattice (≈ 100 m), as Open311 shows points — where, not whose door. */
export const blurDegrees = (v: number) => Math.round(v / PUBLIC_POINT_STEP_DEG) * PUBLIC_POINT_STEP_DEG;
const blurPoint = (p: GeoPoint): GeoPoint => ({
  lat: Number(blurDegrees(p.lat).toFixed(3)),
  lng: Number(blurDegrees(p.lng).toFixed(3)),
});

export interface NearbyAppeal {
  category: string | null;
  state: OrderState;
  acceptedAt: Date;
  point: GeoPoint;
  distanceMetres: number;
}

const METRES_PER_DEG_LAT = 111_320;

/**
 * The open appeals within the radius of a point (FixMyStreet's "nearby reports"), nearest first: only
 * what anyone may know — the category, the state, the day, a blurred point. A confidential appeal is
 * never among them; no title, text, number or caller is read at all.
 */
export async function nearbyOpenAppeals(deps: Deps, centreId: string, at: GeoPoint): Promise<NearbyAppeal[]> {
  const dLat = NEARBY_RADIUS_METRES / METRES_PER_DEG_LAT;
  const dLng = dLat / Math.max(0.01, Math.cos((at.lat * Math.PI) / 180));
  const box = [at.lng - dLng, at.lat - dLat, at.lng + dLng, at.lat + dLat] as const;
  const rows = await selectNearbyAppeals(deps.db, { centreId, box, states: OPEN_STATES, limit: NEARBY_MAX }, at);
  return rows
    .filter((r) => distanceMetres(at, { lat: r.lat!, lng: r.lng! }) <= NEARBY_RADIUS_METRES)
    .slice(0, NEARBY_MAX)
    .map((r) => {
      const point = blurPoint({ lat: r.lat!, lng: r.lng! });
      return {
        category: r.category,
        state: r.state,
        acceptedAt: r.accepted_at,
        point,
        // From the blurred point, rounded to 50 m: the exact distance would undo the blur.
        distanceMetres: Math.round(distanceMetres(at, point) / 50) * 50,
      };
    });
}
