import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Open311 GET requests (issue 17, ADR 0181 amendment): expected_datetime is each listed order's reply
-- deadline, its latest 'reply' clock. 1,000 probes of order_deadlines_order_idx with a filter and a
-- heap fetch each took ~30 ms of the default listing's ~50 ms in the database (EXPLAIN ANALYZE,
-- 1,000,000 orders); read from this index alone (no heap fetch) they take about a third of that.
create index order_deadlines_reply_due_idx on order_deadlines (order_id, started_at desc) include (due_at)
  where stage = 'reply' and task_id is null;
`,
  );
}
