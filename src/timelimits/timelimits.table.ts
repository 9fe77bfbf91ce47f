import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | T, string | T>;

export type { LimitUnit, Stage } from '../contract/vocabulary.js';
import type { LimitUnit, PolicyStage, Stage } from '../contract/vocabulary.js';

export interface TimelimitPoliciesTable {
  id: Generated<string>;
  centre_id: string;
  stage: PolicyStage;
  appeal_type: string | null;
  priority: number | null;
  category_id: string | null;
  amount: number;
  unit: LimitUnit;
  note: string | null;
  active: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface TimelimitSettingsTable {
  centre_id: string;
  yellow_share: number;
  urge_share: number;
  supervise_after_working_days: number;
  supervision_due_working_days: number;
  assist_working_days: Generated<number>;
  progress_working_days: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type DeadlineStatus = 'running' | 'paused' | 'met' | 'cancelled';

export interface OrderDeadlinesTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  stage: Stage;
  status: DeadlineStatus;
  unit_id: string | null;
  /** The hop (order_hops) or assisting task (assist_tasks) whose clock this is; null: the order's own stage (ADR 0152). */
  task_id: string | null;
  policy_id: string | null;
  amount: number;
  unit: LimitUnit;
  clock: 'wall' | 'working';
  started_at: Timestamp;
  due_at: Timestamp;
  original_due_at: Timestamp;
  warn_at: Timestamp;
  urge_at: Timestamp | null;
  supervise_at: Timestamp | null;
  leader_at: Timestamp | null;
  next_check_at: Timestamp | null;
  /** The sweep's lease: a check job for this row is queued until then. */
  claimed_until: Timestamp | null;
  paused_at: Timestamp | null;
  paused_remaining_ms: number | null;
  paused_total_ms: Generated<number>;
  requested_due_at: Timestamp | null;
  yellow_fired_at: Timestamp | null;
  red_fired_at: Timestamp | null;
  urge_fired_at: Timestamp | null;
  supervise_fired_at: Timestamp | null;
  leader_fired_at: Timestamp | null;
  ended_at: Timestamp | null;
  explanation: Json;
}

export type OrderDeadline = Selectable<OrderDeadlinesTable>;
export type TimelimitPolicy = Selectable<TimelimitPoliciesTable>;

export interface TimelimitTables {
  timelimit_policies: TimelimitPoliciesTable;
  timelimit_settings: TimelimitSettingsTable;
  order_deadlines: OrderDeadlinesTable;
}
