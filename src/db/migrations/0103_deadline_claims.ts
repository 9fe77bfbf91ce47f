import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only. The sweep's lease moves to a column no index covers, and pages keep free space, so
// claiming a due deadline is a HOT update (no index writes) instead of rewriting four index entries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table order_deadlines add column claimed_until timestamptz;
alter table order_deadlines set (fillfactor = 80)
`,
  );
}
