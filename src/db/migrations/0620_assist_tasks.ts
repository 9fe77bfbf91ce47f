import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- 协办 (issue 14, ADR 0120): one task per assisting unit of a dispatch, with its own deadline; the
-- assisting unit signs and submits its opinion; a re-dispatch or an approved return cancels the open ones.
create table assist_tasks (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  assigned_at timestamptz not null,
  due_at timestamptz not null,
  state text not null default 'pending' check (state in ('pending','signed','submitted','cancelled')),
  signed_at timestamptz,
  signed_by uuid references users(id),
  opinion text,
  submitted_at timestamptz,
  submitted_by uuid references users(id),
  urge_count int not null default 0,
  last_urged_at timestamptz,
  cancelled_at timestamptz,
  check ((state = 'submitted') = (opinion is not null and submitted_at is not null))
);
-- One live task per order and assisting unit; the order page reads an order's tasks.
create unique index assist_tasks_live_idx on assist_tasks (order_id, unit_id) where state <> 'cancelled';
-- An assisting unit's inbox: its open tasks by deadline (unit subtree joined through units.path).
create index assist_tasks_unit_idx on assist_tasks (unit_id, state, due_at);

-- 协办按时率 counters on the assisting unit (the KPI rollups keep one column per counter). No task
-- existed before this migration, so the rollups built so far are right with zeros.
alter table kpi_daily_rollups add column assist_tasks int not null default 0;
alter table kpi_daily_rollups add column assist_on_time int not null default 0;
alter table kpi_daily_unit_rollups add column assist_tasks int not null default 0;
alter table kpi_daily_unit_rollups add column assist_on_time int not null default 0;

-- The assisting units' limit and the clock after a 阶段性答复, per centre (ADRs 0120, 0121).
alter table timelimit_settings add column assist_working_days int not null default 3;
alter table timelimit_settings add column progress_working_days int not null default 5;
`,
  );
}
