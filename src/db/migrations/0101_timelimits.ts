import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead. See ADR 0011.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Working hours per centre ("08:30-12:00,14:30-18:00"); absent row = the default.
create table calendar_settings (
  centre_id uuid primary key references centres(id),
  work_periods text not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null
);

-- A centre's own days: a local holiday (working = false) or an extra working day (true).
create table calendar_overrides (
  centre_id uuid not null references centres(id),
  day date not null,
  working boolean not null,
  name text not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  primary key (centre_id, day)
);

-- Admin rules; null matchers match anything; the most specific matching rule wins (ADR 0011).
create table timelimit_policies (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  stage text not null check (stage in ('dispatch','sign','contact','reply','review','visit')),
  appeal_type text,
  priority int check (priority between 1 and 4),
  category_id uuid references categories(id),
  amount int not null check (amount >= 0),
  unit text not null check (unit in ('minutes','hours','working_hours','working_days')),
  note text,
  active boolean not null default true,
  updated_by uuid references users(id),
  updated_at timestamptz not null
);
create index timelimit_policies_centre_idx on timelimit_policies (centre_id, stage) where active;

-- Escalation ladder per centre; absent row = the defaults in code.
create table timelimit_settings (
  centre_id uuid primary key references centres(id),
  yellow_share numeric not null,
  urge_share numeric not null,
  supervise_after_working_days int not null,
  supervision_due_working_days int not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null
);

-- One row per stage deadline of an order. Thresholds are instants computed when the stage starts
-- (or resumes); *_fired_at make each warning fire once; next_check_at is the sweep's index key.
create table order_deadlines (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  centre_id uuid not null references centres(id),
  stage text not null,
  status text not null check (status in ('running','paused','met','cancelled')),
  unit_id uuid references units(id),
  policy_id uuid references timelimit_policies(id),
  amount int not null,
  unit text not null,
  clock text not null check (clock in ('wall','working')),
  started_at timestamptz not null,
  due_at timestamptz not null,
  original_due_at timestamptz not null,
  warn_at timestamptz not null,
  urge_at timestamptz,
  supervise_at timestamptz,
  leader_at timestamptz,
  next_check_at timestamptz,
  paused_at timestamptz,
  paused_remaining_ms bigint,
  paused_total_ms bigint not null default 0,
  requested_due_at timestamptz,
  yellow_fired_at timestamptz,
  red_fired_at timestamptz,
  urge_fired_at timestamptz,
  supervise_fired_at timestamptz,
  leader_fired_at timestamptz,
  ended_at timestamptz,
  explanation jsonb not null default '{}'::jsonb
);
create index order_deadlines_order_idx on order_deadlines (order_id, started_at);
create unique index order_deadlines_active_stage_idx on order_deadlines (order_id, stage) where status in ('running','paused');
create index order_deadlines_next_check_idx on order_deadlines (next_check_at) where status = 'running' and next_check_at is not null;

-- 督办单: a formal supervision record with its own deadline, the unit's written response and closure.
create table supervision_orders (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  centre_id uuid not null references centres(id),
  deadline_id uuid references order_deadlines(id),
  unit_id uuid references units(id),
  origin text not null check (origin in ('auto','manual')),
  reason text not null,
  issued_by uuid references users(id),
  issued_at timestamptz not null,
  due_at timestamptz not null,
  status text not null check (status in ('open','responded','closed')),
  response text,
  responded_by uuid references users(id),
  responded_at timestamptz,
  closed_by uuid references users(id),
  closed_at timestamptz,
  closing_note text
);
create index supervision_orders_order_idx on supervision_orders (order_id);
create index supervision_orders_centre_status_idx on supervision_orders (centre_id, status, due_at);
create unique index supervision_orders_auto_once_idx on supervision_orders (deadline_id) where origin = 'auto';

-- 领导盯办: orders on the leaders' follow-up list.
create table leader_followups (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  centre_id uuid not null references centres(id),
  reason text not null,
  origin text not null check (origin in ('auto','manual')),
  added_by uuid references users(id),
  added_at timestamptz not null,
  closed_at timestamptz
);
create unique index leader_followups_open_idx on leader_followups (order_id) where closed_at is null;
create index leader_followups_centre_idx on leader_followups (centre_id, added_at desc);

-- In-app notices for users; source_key makes delivery of one notification idempotent per user.
create table notices (
  id bigint generated always as identity primary key,
  user_id uuid not null references users(id),
  centre_id uuid not null references centres(id),
  order_id uuid references orders(id),
  kind text not null,
  title text not null,
  body text not null,
  source_key text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  unique (source_key, user_id)
);
create index notices_user_idx on notices (user_id, id desc);

-- The order's nearest running deadline (denormalised in the same transaction), so queues can filter
-- and sort by warning level with an index; the level itself is computed at read time from these.
alter table orders add column deadline_stage text;
alter table orders add column deadline_due_at timestamptz;
alter table orders add column deadline_warn_at timestamptz;
alter table orders add column clock_paused boolean not null default false;
create index orders_deadline_due_idx on orders (centre_id, deadline_due_at) where deadline_due_at is not null
`,
  );
}
