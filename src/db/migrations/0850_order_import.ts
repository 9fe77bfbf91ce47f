import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 17 (ADR 0183): import of a previous system's records. An import run is one file with one
// mapping (identified by their sha256 sums); its checkpoint (rows_done) moves in the transaction of
// each committed batch, so a broken run resumes after its last batch. Imported orders point at their
// run (orders.import_run_id: the "imported" mark, null for every order taken in by lianxin).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table import_runs (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  kind text not null default 'orders',
  file_name text not null,
  file_sha256 text not null,
  mapping_sha256 text not null,
  mapping jsonb not null,
  total_rows integer not null,
  rows_done integer not null default 0,
  imported integer not null default 0,
  skipped integer not null default 0,
  state text not null default 'running' check (state in ('running', 'done')),
  started_by uuid references users(id),
  started_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz,
  unique (centre_id, kind, file_sha256, mapping_sha256)
);
alter table orders add column import_run_id uuid references import_runs(id);
create index orders_import_run_idx on orders (import_run_id) where import_run_id is not null;
`,
  );
}
