import { pathIds } from './forward-rules.js';

/**
 * Where a sub-centre may dispatch (ADR 0153), pure: the unit subtree of the banner/county it sits in
 * (its parent in the unit tree), and any unit that is league-wide (全盟通办) or below one. A sub-centre
 * seated directly under the league centre has no area of its own: league-wide units only.
 */
export interface AreaUnit {
  id: string;
  name: string;
  path: string;
  kind: string;
  league_wide: boolean;
}

/** The id of the unit whose subtree is the desk's area, or null (seated under the league centre). */
export function deskAreaRootId(desk: Pick<AreaUnit, 'path'>, parentKind: string | undefined): string | null {
  const ids = pathIds(desk.path);
  const parent = ids.at(-2);
  return parent && parentKind !== 'centre' ? parent : null;
}

/** Whether `target` lies in the area: under the area root, or at/below a league-wide unit. */
export function inDeskArea(areaRootId: string | null, target: Pick<AreaUnit, 'path'>, lineage: readonly AreaUnit[]): boolean {
  const ids = pathIds(target.path);
  if (areaRootId !== null && ids.includes(areaRootId)) return true;
  return lineage.some((u) => ids.includes(u.id) && u.league_wide);
}
