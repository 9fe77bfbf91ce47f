import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** One import of a file with a mapping (migration 0850, ADR 0183): its checkpoint and its counts. */
export interface ImportRunsTable {
  id: Generated<string>;
  centre_id: string;
  kind: Generated<string>;
  file_name: string;
  file_sha256: string;
  mapping_sha256: string;
  mapping: Json;
  total_rows: number;
  /** The checkpoint: data rows 1..rows_done are committed (imported or skipped). */
  rows_done: Generated<number>;
  imported: Generated<number>;
  skipped: Generated<number>;
  /** `failed` (migration 0976): a batch failed; `failure` says why. The same file and mapping resume it. */
  state: Generated<'running' | 'done' | 'failed'>;
  failure: string | null;
  started_by: string | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ImportTables {
  import_runs: ImportRunsTable;
}

export type ImportRun = Selectable<ImportRunsTable>;
