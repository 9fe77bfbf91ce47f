import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Open311 GET requests with a service_code list (issue 17, ADR 0181 amendment): the newest listable
-- requests of one service, read in order from the index (one range per service, merged in the query)
-- instead of walking the whole 90-day window of the centre and filtering by service.
create index orders_open311_service_idx on orders (centre_id, category_id, accepted_at desc, id desc)
  where not caller_confidential;
`,
  );
}
