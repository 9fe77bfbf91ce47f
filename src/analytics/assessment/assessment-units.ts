import type { Unit } from '../../db/schema.js';

/**
 * The assessed units of a centre: the units right below the centre's root (banners/counties,
 * league departments, companies), each scored with its whole subtree — the same grouping as
 * computeKpis(groupBy: 'unit').
 */
export function assessedUnits(units: readonly Unit[]): Unit[] {
  const root = units.find((u) => u.parent_id === null);
  return root ? units.filter((u) => u.parent_id === root.id && u.active) : [];
}

/** The assessed unit a unit belongs to (second id of its path), or null for the root itself. */
export function assessedUnitOf(path: string | null | undefined): string | null {
  if (!path) return null;
  return path.split('/').filter(Boolean)[1] ?? null;
}
