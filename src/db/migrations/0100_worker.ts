import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- One row per periodic job: a process runs the job only when its conditional update moves
-- next_run_at forward, so several server processes never run the same job in one interval.
create table job_leases (
  name text primary key,
  next_run_at timestamptz not null,
  holder text,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  run_count int not null default 0
);

-- Messages the dispatcher gave up on (after max attempts) keep done_at null out of the pending
-- index by getting failed_at and done_at; failed_at tells them apart from delivered ones.
alter table outbox add column failed_at timestamptz;

create index outbox_topic_idx on outbox (topic, created_at)
`,
  );
}
