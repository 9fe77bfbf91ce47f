import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 18 (ADR 0203): a nearby earlier appeal is evidence in the duplicate score. The radius is the
// centre's (200 m) unless a category — or its nearest ancestor — sets its own; a stored candidate
// keeps the distance it was found at, for the later order's "later matches".
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table centres add column duplicate_radius_m integer not null default 200
  check (duplicate_radius_m between 10 and 5000);
alter table categories add column duplicate_radius_m integer
  check (duplicate_radius_m is null or duplicate_radius_m between 10 and 5000);
alter table order_duplicate_candidates add column distance_m integer
  check (distance_m is null or distance_m >= 0);
`,
  );
}
