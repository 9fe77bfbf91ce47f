import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CalendarSettingsTable {
  centre_id: string;
  work_periods: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarOverridesTable {
  centre_id: string;
  /** YYYY-MM-DD (dates come back as strings from both drivers). */
  day: string;
  working: boolean;
  name: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarTables {
  calendar_settings: CalendarSettingsTable;
  calendar_overrides: CalendarOverridesTable;
}
