import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- The desk that held the order when it was dispatched (null: the league centre's): a sub-centre's
-- catalogue figures are its own dispatches (issue 14, ADR 0153). Earlier rows take the order's desk now.
alter table catalogue_dispatches add column desk_unit_id uuid references units(id);
update catalogue_dispatches d set desk_unit_id = o.desk_unit_id from orders o where o.id = d.order_id;
create index catalogue_dispatches_desk_idx on catalogue_dispatches (desk_unit_id, dispatched_at) where desk_unit_id is not null;
`,
  );
}
