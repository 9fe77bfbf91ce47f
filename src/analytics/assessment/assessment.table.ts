import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface IndicatorWeight {
  /** A ratio KPI key of src/analytics/kpi/definitions.ts, e.g. responseRate. */
  key: string;
  weight: number;
}

export interface DeductionPoints {
  /** Points off per overdue order, per approved return, per re-handling. */
  overdue: number;
  return: number;
  rehandle: number;
}

export interface AssessmentConfigsTable {
  centre_id: string;
  indicators: Json<IndicatorWeight[]>;
  deductions: Json<DeductionPoints>;
  basic_satisfied_weight: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AssessmentExclusionsTable {
  id: Generated<string>;
  centre_id: string;
  order_id: string;
  reason: string;
  reviewer_id: string | null;
  created_at: Timestamp;
}

export type AppealStatus = 'pending' | 'accepted' | 'rejected';

export interface AssessmentAppealsTable {
  id: Generated<string>;
  centre_id: string;
  order_id: string;
  unit_id: string;
  month: string;
  reason: string;
  filed_by: string | null;
  filed_at: Timestamp;
  status: Generated<AppealStatus>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface AssessmentSnapshotsTable {
  id: Generated<string>;
  centre_id: string;
  month: string;
  config: Json<Record<string, unknown>>;
  frozen_by: string | null;
  frozen_at: Timestamp;
}

export interface AssessmentSnapshotRowsTable {
  snapshot_id: string;
  unit_id: string;
  unit_name: string;
  rank: number | null;
  score: number | null;
  base_score: number | null;
  deduction_points: number;
  indicators: Json<Record<string, unknown>>;
  deductions: Json<Record<string, unknown>>;
  counters: Json<Record<string, unknown>>;
  excluded_orders: number;
}

export interface AssessmentTables {
  assessment_configs: AssessmentConfigsTable;
  assessment_exclusions: AssessmentExclusionsTable;
  assessment_appeals: AssessmentAppealsTable;
  assessment_snapshots: AssessmentSnapshotsTable;
  assessment_snapshot_rows: AssessmentSnapshotRowsTable;
}

export type AssessmentAppeal = Selectable<AssessmentAppealsTable>;
