import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 17 (ADR 0180): "the figures group by client". kpi_daily_rollups gains the API client that
// submitted the order (orders.api_client_id; null for every other order and for calls), so
// GET /api/kpis?groupBy=client reads the rollups like any other dimension. Few orders come through a
// client, so the rows hardly multiply. Every built day is forgotten, so the rollup job rebuilds them
// with the new column (as migration 0820 did for `line`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table kpi_daily_rollups add column client_id uuid;
delete from kpi_rollup_days;
`,
  );
}
