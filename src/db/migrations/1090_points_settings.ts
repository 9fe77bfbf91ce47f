import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 19 (ADR 0188 amendment): a resident whose appeal was handled and closed earns 有效反映 points,
// as many as the centre sets here (0: none, the default — a centre opts in).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table points_settings (
  centre_id uuid primary key references centres(id),
  useful_report_points int not null default 0 check (useful_report_points between 0 and 1000),
  updated_at timestamptz not null
);
`,
  );
}
