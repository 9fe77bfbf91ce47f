import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Token buckets of the public citizen portal, one row per (purpose, client IP). Kept in the database
-- so that every app process shares them (ADR 0031).
create table portal_rate_buckets (
  bucket_key text primary key,
  tokens double precision not null,
  updated_at timestamptz not null
);
create index portal_rate_buckets_updated_idx on portal_rate_buckets (updated_at);
`,
  );
}
