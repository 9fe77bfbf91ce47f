import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 14, leaders who act (ADR 0130): 包案, 批示, 会商 and the centre's leader settings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- 领导包案: one open owner per order (a second leader's take is refused), history kept.
create table leader_cases (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id) on delete cascade,
  centre_id uuid not null references centres(id),
  leader_id uuid not null references users(id),
  note text,
  taken_at timestamptz not null,
  ended_at timestamptz
);
create unique index leader_cases_open_uq on leader_cases (order_id) where ended_at is null;
create index leader_cases_leader_idx on leader_cases (leader_id, taken_at desc);

-- 领导批示 to the order's lead unit: open → acknowledged (签收) → answered.
create table leader_instructions (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id) on delete cascade,
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  leader_id uuid not null references users(id),
  text text not null,
  issued_at timestamptz not null,
  status text not null check (status in ('open', 'acknowledged', 'answered')),
  acknowledged_by uuid references users(id),
  acknowledged_at timestamptz,
  answer text,
  answered_by uuid references users(id),
  answered_at timestamptz
);
create index leader_instructions_order_idx on leader_instructions (order_id, issued_at);
create index leader_instructions_unit_idx on leader_instructions (unit_id, status, issued_at desc);
create index leader_instructions_leader_idx on leader_instructions (leader_id, issued_at desc);

-- 会商: a topic on an order, the units asked (each records its opinion), and the conclusion.
create table consultations (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id) on delete cascade,
  centre_id uuid not null references centres(id),
  topic text not null,
  opened_by uuid not null references users(id),
  opened_at timestamptz not null,
  conclusion text,
  concluded_by uuid references users(id),
  concluded_at timestamptz
);
create index consultations_order_idx on consultations (order_id, opened_at);
create table consultation_units (
  consultation_id uuid not null references consultations(id) on delete cascade,
  unit_id uuid not null references units(id),
  opinion text,
  opinion_by uuid references users(id),
  opinion_at timestamptz,
  primary key (consultation_id, unit_id)
);
create index consultation_units_unit_idx on consultation_units (unit_id) where opinion is null;

-- Whether a centre's leaders may 催办 and issue a 督办单 (no row: both allowed).
create table leader_settings (
  centre_id uuid primary key references centres(id),
  leaders_may_urge boolean not null default true,
  leaders_may_supervise boolean not null default true,
  updated_by uuid references users(id),
  updated_at timestamptz not null
);
`,
  );
}
