import type { Role } from './vocabulary.js';

/** The signed-in user (GET /api/auth/me). */
export interface MeView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  centreId: string;
  /** The sub-centre desk the user works at (ADR 0110); null = the league centre's staff or a unit. */
  deskUnitId: string | null;
}

/** A node of the unit tree (GET /api/units). */
export interface UnitNodeView {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

/** A node of the appeal categories (GET /api/categories). */
export interface CategoryNodeView {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: number;
  active: boolean;
  /** Search aliases (ADR 0085). */
  aliases: string[];
}

/** A node of the regions (GET /api/regions). */
export interface RegionNodeView {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: number;
}

/** A staff account as GET /api/users lists it (the admin screens). */
export interface UserListItemView {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  unit_id: string;
  unit_name: string;
}

/** A sub-centre (分中心) desk and the region subtree it owns (GET /api/sub-centres, ADR 0110). */
export interface SubCentreView {
  id: string;
  name: string;
  active: boolean;
  regionId: string | null;
  regionName: string | null;
}

export interface SubCentresView {
  /** Intake routes an order whose region lies in a sub-centre's subtree to that desk. */
  routeToSubCentres: boolean;
  items: SubCentreView[];
}
