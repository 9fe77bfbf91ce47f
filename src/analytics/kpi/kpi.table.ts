import type { ColumnType, Generated } from 'kysely';
import type { KpiCounters } from './counters.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One row of additive counters per centre × local day × dimensions (see migration 0400). */
export type KpiDailyRollupsTable = {
  centre_id: string;
  day: string;
  unit_id: string | null;
  region_id: string | null;
  category_id: string | null;
  channel: string | null;
  appeal_type: string | null;
  /** The hotline number dialled (migration 0820). */
  line: string | null;
  /** The API client that submitted the order (migration 0975). */
  client_id: string | null;
} & { [K in keyof KpiCounters]: Generated<number> };

/** The same counters per centre × local day × unit only (migration 0410), for reads that keep no other dimension. */
export type KpiDailyUnitRollupsTable = {
  centre_id: string;
  day: string;
  unit_id: string | null;
} & { [K in keyof KpiCounters]: Generated<number> };

export interface KpiRollupDaysTable {
  centre_id: string;
  day: string;
  built_at: Timestamp;
}

export interface KpiRollupStateTable {
  centre_id: string;
  last_event_id: Generated<number>;
  last_call_revision: Generated<number>;
  refreshed_at: Timestamp | null;
}

export interface KpiTables {
  kpi_daily_rollups: KpiDailyRollupsTable;
  kpi_daily_unit_rollups: KpiDailyUnitRollupsTable;
  kpi_rollup_days: KpiRollupDaysTable;
  kpi_rollup_state: KpiRollupStateTable;
}
