import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface JobLeasesTable {
  name: string;
  next_run_at: Timestamp;
  holder: string | null;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
  run_count: Generated<number>;
}

export interface WorkerTables {
  job_leases: JobLeasesTable;
}
