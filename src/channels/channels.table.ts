import type { ColumnType, Generated, Selectable } from 'kysely';
import type { LineMode, WindowLevel } from '../contract/channels.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** PostgreSQL `date`: a 'YYYY-MM-DD' string from both backends. */
type DateOnly = string;

/** 办不成事 reflection windows (migration 0820). */
export interface ServiceWindowsTable {
  id: Generated<string>;
  centre_id: string;
  name: string;
  hall: string;
  level: WindowLevel;
  region_id: string | null;
  active: Generated<boolean>;
  sort: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Department hotlines merged into 12345 (migration 0820). */
export interface MergedLinesTable {
  id: Generated<string>;
  centre_id: string;
  number: string;
  name: string;
  former_department: string;
  mode: LineMode;
  merged_on: DateOnly;
  retired_on: DateOnly | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The centre's retirement criterion (migration 0820); absent = the defaults of the migration. */
export interface MergedLineSettingsTable {
  centre_id: string;
  retire_max_calls: number;
  /** numeric(6,5), read as a number by both drivers (src/db/database.ts). */
  retire_max_share: number;
  retire_months: number;
  updated_at: Timestamp;
}

export interface ChannelTables {
  service_windows: ServiceWindowsTable;
  merged_lines: MergedLinesTable;
  merged_line_settings: MergedLineSettingsTable;
}

export type ServiceWindow = Selectable<ServiceWindowsTable>;
export type MergedLine = Selectable<MergedLinesTable>;
