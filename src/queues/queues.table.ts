import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;

export interface SavedFiltersTable {
  id: Generated<string>;
  user_id: string;
  queue: string;
  name: string;
  query: Json;
  created_at: Timestamp;
}

export interface QueueColumnsTable {
  user_id: string;
  queue: string;
  columns: string[];
  updated_at: Timestamp;
}

export interface QueueTables {
  saved_filters: SavedFiltersTable;
  queue_columns: QueueColumnsTable;
}
