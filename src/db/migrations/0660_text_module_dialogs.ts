import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 13: a text module may be meant for one kind of dialog only (答复 reply, 审核 review, 回访 visit);
// empty = offered in every dialog (ADR 0141).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table text_modules add column dialogs text[] not null default '{}';
`,
  );
}
