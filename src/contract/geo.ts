import type { LabelTable } from './labels.js';
import type { Instant } from './orders.js';
import type { OrderState, Role } from './vocabulary.js';

/**
 * Coordinates and grids (网格, issue 18, ADR 0185). lianxin stores every point and polygon in
 * WGS-84 (longitude, latitude in degrees: what phones' GPS and GeoJSON (RFC 7946) give, and what
 * 天地图's CGCS2000 tiles show within a metre). GCJ-02 (高德/腾讯) and BD-09 (百度) points are
 * converted on the way in (`coordSystem` of a request) and on the way out when asked.
 */
export const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

export const COORD_SYSTEM_LABELS: LabelTable<CoordSystem> = {
  wgs84: { zh: 'WGS-84（GPS、天地图）', en: 'WGS-84 (GPS, Tianditu)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (Amap, Tencent)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
};

/** A point in WGS-84 degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** A grid's outline as stored: always a GeoJSON MultiPolygon in WGS-84 ([lng, lat] positions). */
export interface GridGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/** A grid (网格) of a town or street office. `demo`: generated demo geography, not a real boundary. */
export interface GridView<At = Instant> {
  id: string;
  code: string;
  name: string;
  regionId: string;
  regionName: string;
  version: number;
  active: boolean;
  demo: boolean;
  updatedAt: At;
}

/** One grid with its outline, for the map's grid layer. */
export interface GridShape {
  id: string;
  code: string;
  name: string;
  regionId: string;
  demo: boolean;
  geometry: GridGeometry;
}

/** One stored version of a grid (every import that changed it writes one). */
export interface GridVersionView<At = Instant> {
  version: number;
  name: string;
  regionId: string;
  active: boolean;
  changedAt: At;
  changedBy: string | null;
  source: string;
}

/** What a console edit (draw, edit, split, merge; ADR 0207) left: the grids it touched, at their new versions. */
export interface GridEditAnswer {
  grids: { id: string; code: string; name: string; regionId: string; version: number; active: boolean }[];
  /** Open orders with a point whose grid changed because of the edit. */
  ordersReassigned: number;
}

/** What an import did: counts, and the grids' codes per outcome. */
export interface GridImportResult {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  /** Open orders with a point whose grid changed because of the import. */
  ordersReassigned: number;
}

/** The grid of a point (GET /api/grids/locate). */
export interface GridLocateAnswer {
  /** The point in WGS-84, as stored. */
  point: GeoPoint;
  grid: { id: string; code: string; name: string; regionId: string } | null;
}

/** Who may import and edit grids; who may read them (the map layer, the locate answer). */
export const GRID_EDITOR_ROLES = ['admin'] as const;

/** People of a grid (ADR 0186): workers answer verification tasks; the others report only. */
export const GRID_PERSON_ROLES = ['worker', 'building_head', 'household_head', 'reporter'] as const;
export type GridPersonRole = (typeof GRID_PERSON_ROLES)[number];
export const GRID_PERSON_ROLE_LABELS: LabelTable<GridPersonRole> = {
  worker: { zh: '网格员', en: 'Grid worker' },
  building_head: { zh: '楼栋长', en: 'Building head' },
  household_head: { zh: '联户长', en: 'Household head' },
  reporter: { zh: '信息员', en: 'Reporter' },
};

/** 现场核实 (on-site verification) states and results. */
export const VERIFICATION_STATES = ['pending', 'answered', 'cancelled'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export const VERIFICATION_STATE_LABELS: LabelTable<VerificationState> = {
  pending: { zh: '待核实', en: 'To verify' },
  answered: { zh: '已核实', en: 'Verified' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};
export const VERIFICATION_RESULTS = ['confirmed', 'not_confirmed', 'resolved_on_site'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const VERIFICATION_RESULT_LABELS: LabelTable<VerificationResult> = {
  confirmed: { zh: '属实', en: 'Confirmed' },
  not_confirmed: { zh: '不属实', en: 'Not confirmed' },
  resolved_on_site: { zh: '已现场解决', en: 'Resolved on site' },
};
/** The centre's roles that send an order to its grid for verification. */
export const VERIFY_REQUEST_ROLES = ['dispatcher', 'supervisor'] as const;
export const VERIFY_NOTE_MAX = 2000;

/** One verification task as its readers see it (the grid worker's list, the order page). */
export interface VerificationTaskView<At = Instant> {
  id: string;
  orderId: string;
  orderNo: string;
  orderTitle: string;
  /** The appeal's address and point (WGS-84): where to go. */
  address: string | null;
  point: GeoPoint | null;
  gridId: string;
  gridName: string;
  state: VerificationState;
  requestNote: string | null;
  requestedAt: At;
  dueAt: At;
  overdue: boolean;
  result: VerificationResult | null;
  answerNote: string | null;
  answerPoint: GeoPoint | null;
  distanceMetres: number | null;
  /** The answer's point lies farther from the order's than the configured distance (null: answered without a position). */
  far: boolean | null;
  answeredAt: At | null;
  /** The photo taken on site: an attachment of the order (GET /api/attachments/:id for the order's readers). */
  photoId: string | null;
}

/** 网格上报 (issue 18, ADR 0186 amendment): who may report from a grid — grid workers and registered reporters. */
export const GRID_REPORT_ROLES: readonly Role[] = ['gridworker', 'grid_reporter'];
/** Photos and short videos with one report, and its words. */
export const GRID_REPORT_MAX_FILES = 5;
export const GRID_REPORT_TEXT_MAX = 2000;

/** What the reporter hears back: the order it became (they do not read orders, so no more than this). */
export interface GridReportReceipt<At = Instant> {
  id: string;
  orderNo: string;
  gridName: string;
  urgent: boolean;
  files: number;
  createdAt: At;
}

/** One of my reports, with how far the order has come (its state only). */
export interface GridReportView<At = Instant> {
  id: string;
  orderNo: string;
  title: string;
  gridName: string;
  urgent: boolean;
  orderState: OrderState;
  createdAt: At;
}
