import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (ADR 0174): personal data of closed orders is erased after the centre's retention period.
// centres.pii_retention_years: years after an order closed (default 3); orders.anonymised_at: when its
// caller's data was erased (the job's idempotent claim, and the index of what is still due).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table centres add column pii_retention_years int not null default 3
  check (pii_retention_years between 1 and 30);
alter table orders add column anonymised_at timestamptz;
create index orders_retention_due_idx on orders (centre_id, closed_at)
  where anonymised_at is null and closed_at is not null;
`,
  );
}
