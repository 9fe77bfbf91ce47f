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

/**
 * The departments of an assessed unit (a county's 住建局, towns, companies…): the active units right
 * below it, each scored with its own subtree and ranked among its siblings (issue 13: a county
 * department's admin sees its own row, not only the county's).
 */
export function assessedDepartments(units: readonly Unit[], parentId: string): Unit[] {
  // A sub-centre (分中心) is a desk of the hotline, not a handling unit: it has no row (ADR 0111).
  return units.filter((u) => u.parent_id === parentId && u.active && u.kind !== 'sub_centre');
}

/**
 * The level a sub-centre's staff are ranked at (ADR 0111): the assessed unit (banner/county) the
 * sub-centre sits in, whose departments and towns it ranks. `deskPath` is the sub-centre's path.
 */
export const deskAreaOf = (deskPath: string | null | undefined) => assessedUnitOf(deskPath);

/** The department a unit belongs to (third id of its path), or null above the department level. */
export function assessedDepartmentOf(path: string | null | undefined): string | null {
  if (!path) return null;
  return path.split('/').filter(Boolean)[2] ?? null;
}

/** The deepest assessed unit on a path: the department when there is one, else the assessed unit. */
export const ownAssessedUnitOf = (path: string | null | undefined) => assessedDepartmentOf(path) ?? assessedUnitOf(path);

/** For a department's path its assessed unit (the row it is ranked within); null for an assessed unit. */
export const parentAssessedUnitOf = (path: string | null | undefined) =>
  assessedDepartmentOf(path) ? assessedUnitOf(path) : null;
