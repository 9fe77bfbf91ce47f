import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 13: the CTI reports where a call's recording can be heard; the order page and the 回访 panel
// link to it. The recording itself stays in the telephone system.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table calls add column recording_url text;
-- The operator's current call (screen-pop): the newest offered/answered call of a user.
create index calls_operator_current_idx on calls (operator_user_id, offered_at desc) where status in ('offered', 'answered');
`,
  );
}
