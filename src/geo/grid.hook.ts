import type { IntakeHook } from '../orders/order-hooks.js';
import { toWgs84 } from '../shared/coordinates.js';
import { loadGridIndex } from './grid-cache.js';

/**
 * Intake: the grid holding the new order's point, written in the order's one INSERT (ADR 0185). The
 * point is converted from the request's coordinate system the way intake stores it (WGS-84).
 */
export const gridIntakeHook: IntakeHook = async ({ tx, draft, input, centre }) => {
  if (input.lat === undefined || input.lng === undefined) return {};
  if (centre.gridVersion === 0) return {};
  const index = await loadGridIndex(tx, draft.centre_id, centre.gridVersion);
  const grid = index.locate(toWgs84({ lat: input.lat, lng: input.lng }, input.coordSystem ?? 'wgs84'));
  return grid ? { columns: { grid_id: grid.id } } : {};
};
