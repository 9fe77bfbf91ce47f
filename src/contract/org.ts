import type { MapTilesView } from './map.js';
import type { Role, UnitKind } from './vocabulary.js';

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
  /** The map's configured base tiles (ADR 0187); null = the map draws our own outlines only. */
  map: MapTilesView | null;
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
  /** Locked after repeated failed sign-ins, until the security administrator unlocks it (ADR 0156). */
  locked: boolean;
  unit_id: string;
  unit_name: string;
}

/** A staff account as created or edited (POST /api/users, PATCH /api/users/:id). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  active: boolean;
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

/** A unit the league centre marks 全盟通办: every sub-centre may dispatch to it and below it (ADR 0153). */
export interface LeagueWideUnitView {
  id: string;
  name: string;
  kind: UnitKind;
}

/**
 * Where the signed-in dispatcher may dispatch (GET /api/sub-centres/dispatch-area, ADR 0153): a
 * sub-centre's staff inside `areaUnitId`'s subtree and the league-wide units; the league's staff anywhere
 * (`deskUnitId` null, `anywhere` true).
 */
export interface DispatchAreaView {
  anywhere: boolean;
  deskUnitId: string | null;
  deskName: string | null;
  /** The banner/county whose unit subtree is the desk's area (null: league-wide units only). */
  areaUnitId: string | null;
  areaUnitName: string | null;
  leagueWideUnits: LeagueWideUnitView[];
}
