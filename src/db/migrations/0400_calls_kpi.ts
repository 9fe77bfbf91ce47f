import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue #6: call records from the telephone system (CTI) and the KPI daily rollups.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Every write to a call takes a new revision number, so the rollup refresh finds changed calls.
create sequence calls_revision_seq;

-- One row per call the CTI reports; repeated events of the same call (external_id) update the row.
create table calls (
  id bigint generated always as identity primary key,
  centre_id uuid not null references centres(id),
  external_id text not null,
  hotline_number text,
  caller_number text,
  operator_user_id uuid references users(id),
  operator_ext text,
  status text not null check (status in ('offered','answered','abandoned','ended')),
  offered_at timestamptz not null,
  answered_at timestamptz,
  ended_at timestamptz,
  wait_seconds int,
  talk_seconds int,
  revision bigint not null default nextval('calls_revision_seq'),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (centre_id, external_id)
);
create index calls_centre_offered_idx on calls (centre_id, offered_at);
create index calls_revision_idx on calls (revision);

create table call_order_links (
  call_id bigint not null references calls(id),
  order_id uuid not null references orders(id),
  linked_by uuid references users(id),
  linked_at timestamptz not null,
  primary key (call_id, order_id)
);
create index call_order_links_order_idx on call_order_links (order_id);

-- Additive KPI counters per centre, local day and dimensions. Order counters sit on the day the
-- order was accepted (cohort), call counters on the day the call was offered. A day is rebuilt as a
-- whole from the event history (delete + insert), so a refresh can be repeated safely.
create table kpi_daily_rollups (
  centre_id uuid not null references centres(id),
  day date not null,
  unit_id uuid,
  region_id uuid,
  category_id uuid,
  channel text,
  appeal_type text,
  calls_offered int not null default 0,
  calls_answered int not null default 0,
  calls_answered_15s int not null default 0,
  calls_abandoned int not null default 0,
  accepted int not null default 0,
  direct int not null default 0,
  transferred int not null default 0,
  closed int not null default 0,
  invalid int not null default 0,
  merged int not null default 0,
  dispatches int not null default 0,
  returns int not null default 0,
  replies int not null default 0,
  rehandles int not null default 0,
  signed_on_time int not null default 0,
  responded_on_time int not null default 0,
  closed_on_time int not null default 0,
  handling_seconds bigint not null default 0,
  visits_valid int not null default 0,
  visits_satisfied int not null default 0,
  visits_basic int not null default 0,
  visits_resolved int not null default 0
);
create index kpi_daily_rollups_day_idx on kpi_daily_rollups (centre_id, day);

-- Which days have been built, and how far the event history has been read (watermarks).
create table kpi_rollup_days (
  centre_id uuid not null references centres(id),
  day date not null,
  built_at timestamptz not null,
  primary key (centre_id, day)
);

create table kpi_rollup_state (
  centre_id uuid primary key references centres(id),
  last_event_id bigint not null default 0,
  last_call_revision bigint not null default 0,
  refreshed_at timestamptz
)
`,
  );
}
