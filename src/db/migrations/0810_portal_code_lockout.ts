import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (ADR 0173): the portal's query code of one order number is locked after consecutive wrong
// codes, whoever sends them. Keyed by centre and order number as typed (not by the order), so an
// unknown number locks exactly like a real one and the lock does not tell which numbers exist.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table portal_code_lockouts (
  bucket_key text primary key,
  failures int not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null
);
`,
  );
}
