import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- People of a grid (issue 18, ADR 0186): its grid workers (网格员, role gridworker), building and
-- household heads (楼栋长、联户长) and registered reporters; an account when they sign in.
create table grid_people (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  grid_id uuid not null references grids(id),
  user_id uuid references users(id),
  role text not null check (role in ('worker','building_head','household_head','reporter')),
  name text not null,
  active boolean not null default true,
  created_at timestamptz not null
);
create unique index grid_people_user_idx on grid_people (grid_id, user_id) where user_id is not null;
create index grid_people_user_grids_idx on grid_people (user_id) where active;

-- 现场核实: a task sent with an order to the grid of its point; the grid worker answers from the site.
create table verification_tasks (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_id uuid not null references orders(id),
  grid_id uuid not null references grids(id),
  unit_id uuid not null references units(id),
  state text not null default 'pending' check (state in ('pending','answered','cancelled')),
  requested_by uuid references users(id),
  request_note text,
  requested_at timestamptz not null,
  due_at timestamptz not null,
  result text check (result in ('confirmed','not_confirmed','resolved_on_site')),
  answer_note text,
  answer_lat double precision,
  answer_lng double precision,
  distance_m double precision,
  far boolean,
  answered_by uuid references users(id),
  answered_at timestamptz,
  check ((state = 'answered') = (result is not null and answered_at is not null))
);
create unique index verification_tasks_live_idx on verification_tasks (order_id) where state = 'pending';
create index verification_tasks_grid_idx on verification_tasks (grid_id, state, due_at);
`,
  );
}
