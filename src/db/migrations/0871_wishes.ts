import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 19 (ADR 0189): 微心愿. Claimers are staff users with a party rank; the windows per rank and
// the points of a confirmed wish are per centre; a wish moves pending → open → claimed → fulfilled →
// confirmed (or pending → rejected) by conditional updates on (id, state).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table wish_settings (
  centre_id uuid primary key references centres(id),
  member_hours int not null default 48 check (member_hours >= 0),
  team_hours int not null default 24 check (team_hours >= 0),
  points int not null default 10 check (points >= 0)
);

create table wish_claimers (
  user_id uuid primary key references users(id),
  centre_id uuid not null references centres(id),
  rank text not null check (rank in ('member', 'team', 'principal')),
  created_at timestamptz not null
);

create table wishes (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  resident_id uuid references residents(id),
  order_id uuid references orders(id),
  poster_name text not null,
  title text not null,
  detail text not null,
  source text not null check (source in ('portal', 'staff', 'appeal')),
  state text not null check (state in ('pending', 'rejected', 'open', 'claimed', 'fulfilled', 'confirmed')),
  wall_state text,
  posted_at timestamptz not null,
  reviewed_by uuid references users(id),
  reviewed_at timestamptz,
  reject_reason text,
  open_at timestamptz,
  claimed_by uuid references users(id),
  claimed_unit_id uuid references units(id),
  claim_rank text,
  collective boolean not null default false,
  claimed_at timestamptz,
  proof_text text,
  proof_photo text,
  fulfilled_at timestamptz,
  confirmed_at timestamptz,
  points_entry_id uuid references points_entries(id),
  points_awarded int
);
create index wishes_wall_idx on wishes (centre_id, wall_state, posted_at desc, id) where wall_state is not null;
create index wishes_unit_idx on wishes (unit_id, state);
create index wishes_claimed_unit_idx on wishes (claimed_unit_id) where claimed_unit_id is not null;
`,
  );
}
