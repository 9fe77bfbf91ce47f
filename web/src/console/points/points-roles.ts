import { POINTS_STAFF_ROLES } from '../../shared/contract';
import type { Me, UnitNode } from '../api/types';
import { hasRole } from '../shell/session';

/** The community staff and grid workers who register, award, correct and redeem (the server decides too). */
export const isPointsStaff = (me: Me) => hasRole(me, ...POINTS_STAFF_ROLES);

const COMMUNITY_KINDS = new Set(['town', 'village']);

/** The towns and villages in the user's own subtree: where they may register residents. */
export function myCommunities(units: UnitNode[], myUnitId: string): UnitNode[] {
  const children = new Map<string, UnitNode[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: UnitNode[] = [];
  const walk = (u: UnitNode) => {
    if (u.active && COMMUNITY_KINDS.has(u.kind)) out.push(u);
    for (const c of children.get(u.id) ?? []) walk(c);
  };
  const mine = units.find((u) => u.id === myUnitId);
  if (mine) walk(mine);
  return out;
}
