import type { ColumnType, Generated, Selectable } from 'kysely';
import type { GridGeometry, GridPersonRole, VerificationResult, VerificationState } from '../contract/geo.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

/** A grid (网格) of a town/street region, outline in WGS-84 (migration 0860, ADR 0185). */
export interface GridsTable {
  id: Generated<string>;
  centre_id: string;
  region_id: string;
  code: string;
  name: string;
  version: Generated<number>;
  active: Generated<boolean>;
  /** Generated demo geography (the demo's grids), never a real boundary. */
  demo: Generated<boolean>;
  geometry: Json<GridGeometry>;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  updated_at: Timestamp;
}

/** A grid as it was at one version. */
export interface GridVersionsTable {
  grid_id: string;
  version: number;
  name: string;
  region_id: string;
  active: boolean;
  geometry: Json<GridGeometry>;
  changed_at: Timestamp;
  changed_by: string | null;
  source: string;
}

export type Grid = Selectable<GridsTable>;

export interface GridTables {
  grids: GridsTable;
  grid_versions: GridVersionsTable;
}

/** A person of a grid (migration 0861, ADR 0186). */
export interface GridPeopleTable {
  id: Generated<string>;
  centre_id: string;
  grid_id: string;
  user_id: string | null;
  role: GridPersonRole;
  name: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

/** 现场核实: one task per order at a time (migration 0861). */
export interface VerificationTasksTable {
  id: Generated<string>;
  centre_id: string;
  order_id: string;
  grid_id: string;
  unit_id: string;
  state: Generated<VerificationState>;
  requested_by: string | null;
  request_note: string | null;
  requested_at: Timestamp;
  due_at: Timestamp;
  result: VerificationResult | null;
  answer_note: string | null;
  answer_lat: number | null;
  answer_lng: number | null;
  distance_m: number | null;
  far: boolean | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  /** The photo taken on site: an attachment of the task's order (migration 0980). */
  photo_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 网格上报: an issue a grid's person reported from the phone page, now an order (migration 0980). */
export interface GridReportsTable {
  id: Generated<string>;
  centre_id: string;
  order_id: string;
  grid_id: string;
  reporter_id: string;
  urgent: boolean;
  created_at: Timestamp;
}

export interface GridVerificationTables {
  grid_people: GridPeopleTable;
  verification_tasks: VerificationTasksTable;
  grid_reports: GridReportsTable;
}
