import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (等保 2.0 L3, ADR 0156): sign-in throttling per account and per address, lockout of an
// account after consecutive failures (until the security administrator unlocks it), and audit rows
// that are not about one order (failed sign-ins name the username typed, administrative acts the
// account acted on). `if not exists`: another change of issue 15 may add the same audit columns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table users add column failed_logins int not null default 0;
alter table users add column locked_at timestamptz;
create table login_throttle (
  bucket_key text primary key,
  failures int not null,
  window_start timestamptz not null
);
alter table pii_access_log add column if not exists centre_id uuid references centres(id);
alter table pii_access_log add column if not exists subject text;
alter table pii_access_log add column if not exists detail jsonb;
`,
  );
}
