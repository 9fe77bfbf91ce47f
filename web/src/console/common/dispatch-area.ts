import type { DispatchAreaView } from '../../shared/contract';
import { subtreeIds } from './tree';

/**
 * The units a dispatcher may choose (ADR 0153, narrowed in the dialog by ADR 0192): for a sub-centre's
 * staff the subtree of its banner/county and of each league-wide unit; null for the league's staff
 * (anywhere) or while the area is unknown (the dispatch itself still refuses outside it).
 */
export function dispatchAreaUnitIds(
  units: readonly { id: string; parentId: string | null }[] | undefined,
  area: DispatchAreaView | undefined,
): Set<string> | null {
  if (!area || area.anywhere) return null;
  const roots = [...(area.areaUnitId ? [area.areaUnitId] : []), ...area.leagueWideUnits.map((u) => u.id)];
  const allowed = new Set<string>();
  for (const root of roots) for (const id of subtreeIds(units, root)) allowed.add(id);
  return allowed;
}
