import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (ADR 0156 amendment): when a password was last set (its expiry, when configured), and when a
// session was last used (the idle timeout besides the absolute one).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table users add column password_changed_at timestamptz not null default now();
alter table sessions add column last_seen_at timestamptz;
`,
  );
}
