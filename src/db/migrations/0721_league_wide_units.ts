import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- A sub-centre dispatches only inside its banner/county's unit subtree, plus the units the league
-- centre marks league-wide (全盟通办: utilities, league departments that act in every county) and
-- their sub-units (issue 14, ADR 0153).
alter table units add column league_wide boolean not null default false;
`,
  );
}
