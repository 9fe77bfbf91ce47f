import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Search aliases of a category (供暖, 暖气 → 供热): what callers and operators say instead of the
// catalogue's name. Matched by the intake and portal pickers and expanded in order search (ADR 0085).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table categories add column aliases text[] not null default '{}';
`,
  );
}
