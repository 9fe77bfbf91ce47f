import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// A sub-centre's queues (ADR 0110): one state by nearest deadline (待派单, 退单, 延期) and the list's
// capped count, both from one index: the queue walks it in order, the count is an index-only scan
// (centre_id included for the visibility predicate). Measured on 1,000,000 orders: the count of a
// desk's 71,000 orders went from a 157 ms sequential scan to 3–11 ms (bench/desk-list.bench.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create index orders_desk_state_deadline_idx on orders (desk_unit_id, state, deadline_due_at asc nulls last, id)
  include (centre_id) where desk_unit_id is not null
`,
  );
}
