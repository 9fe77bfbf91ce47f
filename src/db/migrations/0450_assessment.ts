import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Monthly unit assessment (issue 6). Forward-only: never edit after it has landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Indicators, weights and deduction points per centre; absent row = the defaults in code.
create table assessment_configs (
  centre_id uuid primary key references centres(id),
  indicators jsonb not null,
  deductions jsonb not null,
  basic_satisfied_weight double precision not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null
);

-- Appeals judged unreasonable after review: left out of the unit's rating and deductions.
create table assessment_exclusions (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_id uuid not null references orders(id) unique,
  reason text not null,
  reviewer_id uuid references users(id),
  created_at timestamptz not null
);

-- A unit's 申诉 on one order of a month; accepted = the order leaves that unit's score.
create table assessment_appeals (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_id uuid not null references orders(id),
  unit_id uuid not null references units(id),
  month text not null,
  reason text not null,
  filed_by uuid references users(id),
  filed_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending','accepted','rejected')),
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_note text,
  unique (order_id, unit_id)
);
create index assessment_appeals_month_idx on assessment_appeals (centre_id, month, status);

-- Frozen months: one per centre and month, never updated or deleted (the rules below).
create table assessment_snapshots (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  month text not null,
  config jsonb not null,
  frozen_by uuid references users(id),
  frozen_at timestamptz not null,
  unique (centre_id, month)
);

create table assessment_snapshot_rows (
  snapshot_id uuid not null references assessment_snapshots(id),
  unit_id uuid not null references units(id),
  unit_name text not null,
  rank int,
  score double precision,
  base_score double precision,
  deduction_points double precision not null,
  indicators jsonb not null,
  deductions jsonb not null,
  counters jsonb not null,
  excluded_orders int not null,
  primary key (snapshot_id, unit_id)
);
create index assessment_snapshot_rows_unit_idx on assessment_snapshot_rows (unit_id);

create rule assessment_snapshots_no_update as on update to assessment_snapshots do instead nothing;
create rule assessment_snapshots_no_delete as on delete to assessment_snapshots do instead nothing;
create rule assessment_snapshot_rows_no_update as on update to assessment_snapshot_rows do instead nothing;
create rule assessment_snapshot_rows_no_delete as on delete to assessment_snapshot_rows do instead nothing
`,
  );
}
