import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 17 (ADR 0183 amendment): the console starts an import and polls the run while its batches are
// written in the background. A run whose batch failed says so (state `failed` and the reason) instead
// of staying `running` forever; the same file and mapping started again resumes from its checkpoint.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table import_runs drop constraint import_runs_state_check;
alter table import_runs add constraint import_runs_state_check check (state in ('running', 'done', 'failed'));
alter table import_runs add column failure text;
`,
  );
}
