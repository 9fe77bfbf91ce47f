import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- The map (issue 18, ADR 0187): orders with a point in a box. A zoomed-in box (a town, the portal's
-- "nearby" kilometre) ranges over lng and filters lat inside the index; the state and the day are in
-- the index too, so counting a county's orders by cell can be answered from the index alone.
create index orders_map_box_idx on orders (centre_id, lng, lat) include (state, accepted_at)
  where lat is not null and lng is not null;
`,
  );
}
