import { sql, type Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 19 (ADR 0206): 民生实事 and 票决. A matter belongs to a year of a centre (region null) or of a
// county (region); it is voted on in a round. A vote is keyed by an HMAC of the phone per round
// (never the phone): unique (round, matter, voter) is the one-vote rule; the ballot row counts picks
// (≤ the round's max by a conditional upsert); vote rows can be neither changed nor deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table matter_rounds (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  region_id uuid references regions(id),
  year int not null check (year between 2000 and 2100),
  title text not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  max_picks int not null check (max_picks between 1 and 50),
  adopt_count int not null check (adopt_count >= 1),
  state text not null default 'open' check (state in ('open', 'closed')),
  created_by uuid references users(id),
  created_at timestamptz not null,
  closed_by uuid references users(id),
  closed_at timestamptz,
  check (closes_at > opens_at)
);
create index matter_rounds_year_idx on matter_rounds (centre_id, year);

create table matters (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  region_id uuid references regions(id),
  year int not null check (year between 2000 and 2100),
  title text not null,
  description text not null,
  leader_id uuid not null references users(id),
  status text not null check (status in ('candidate', 'voting', 'adopted', 'in_progress', 'done', 'rejected')),
  source text not null check (source in ('scratch', 'cluster', 'suggestion')),
  cluster_key text,
  cluster_label text,
  cluster_terms text[] not null default '{}',
  budget_yuan int check (budget_yuan >= 0),
  round_id uuid references matter_rounds(id),
  votes int,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  adopted_at timestamptz,
  started_at timestamptz,
  done_at timestamptz,
  rejected_at timestamptz
);
create index matters_year_idx on matters (centre_id, year, status);
create index matters_round_idx on matters (round_id) where round_id is not null;

create table matter_units (
  matter_id uuid not null references matters(id) on delete cascade,
  unit_id uuid not null references units(id),
  claimed_at timestamptz not null,
  primary key (matter_id, unit_id)
);
create index matter_units_unit_idx on matter_units (unit_id);

create table matter_milestones (
  id uuid primary key default gen_random_uuid(),
  matter_id uuid not null references matters(id) on delete cascade,
  seq int not null,
  name text not null,
  due_on text not null check (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  done_on text check (done_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
create index matter_milestones_matter_idx on matter_milestones (matter_id, seq);

create table matter_progress (
  id uuid primary key default gen_random_uuid(),
  matter_id uuid not null references matters(id) on delete cascade,
  body text not null,
  reported_on text not null check (reported_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  reported_by uuid references users(id),
  created_at timestamptz not null
);
create index matter_progress_matter_idx on matter_progress (matter_id, reported_on desc);

create table matter_orders (
  matter_id uuid not null references matters(id) on delete cascade,
  order_id uuid not null references orders(id),
  kind text not null check (kind in ('origin', 'related')),
  linked_by uuid references users(id),
  linked_at timestamptz not null,
  primary key (matter_id, order_id)
);
create index matter_orders_order_idx on matter_orders (order_id);

create table matter_ballots (
  round_id uuid not null references matter_rounds(id),
  voter_key text not null,
  picks int not null check (picks >= 0),
  primary key (round_id, voter_key)
);

create table matter_votes (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references matter_rounds(id),
  matter_id uuid not null references matters(id),
  voter_key text not null,
  cast_at timestamptz not null,
  unique (round_id, matter_id, voter_key)
);
create index matter_votes_matter_idx on matter_votes (round_id, matter_id);

`,
  );
  // A function body has semicolons: run as one statement (runSql splits at them).
  await sql
    .raw(
      `create function matter_votes_immutable() returns trigger language plpgsql as $fn$
begin
  raise exception 'matter_votes rows are immutable';
end
$fn$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger matter_votes_immutable before update or delete on matter_votes
  for each row execute function matter_votes_immutable()`,
    )
    .execute(db);
}
