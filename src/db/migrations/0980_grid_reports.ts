import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 18 (ADR 0186 amendment): the photo a grid worker took on site, stored as an attachment of the
// order and named on the answer; and 网格上报 — an issue a grid's people reported from the phone page,
// which became an order through the normal intake (channel grid). The row keeps who reported, from
// which grid and whether it was the one-tap urgent report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table verification_tasks add column photo_id uuid references attachments(id);

create table grid_reports (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_id uuid not null unique references orders(id),
  grid_id uuid not null references grids(id),
  reporter_id uuid not null references users(id),
  urgent boolean not null default false,
  created_at timestamptz not null
);
create index grid_reports_reporter_idx on grid_reports (reporter_id, created_at desc);
`,
  );
}
