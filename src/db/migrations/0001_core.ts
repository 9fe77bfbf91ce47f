import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table centres (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  timezone text not null default 'Asia/Shanghai',
  created_at timestamptz not null default now()
);

-- The unit tree. path is the chain of ids from the root ("/a/b/c/") so a subtree is one prefix match.
create table units (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  parent_id uuid references units(id),
  code text not null,
  name text not null,
  kind text not null check (kind in ('centre','sub_centre','league_dept','county','county_dept','town','company','other')),
  path text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (centre_id, code)
);
create index units_path_idx on units (path text_pattern_ops);
create index units_parent_idx on units (parent_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  roles text[] not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index users_unit_idx on users (unit_id);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table categories (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  parent_id uuid references categories(id),
  code text not null,
  name text not null,
  level int not null,
  path text not null,
  active boolean not null default true,
  unique (centre_id, code)
);

create table regions (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  parent_id uuid references regions(id),
  code text not null,
  name text not null,
  level int not null,
  unique (centre_id, code)
);

create table order_number_counters (
  centre_id uuid not null references centres(id),
  day text not null,
  last_value int not null,
  primary key (centre_id, day)
);

create table orders (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_no text not null,
  query_code text not null,
  channel text not null check (channel in ('phone','web','window','grid','open_api','import')),
  source_number text,
  appeal_type text not null check (appeal_type in ('consult','help','complaint','report','suggestion','praise','other')),
  category_id uuid references categories(id),
  priority int not null check (priority between 1 and 4),
  title text not null,
  content text not null,
  caller_name text,
  caller_phone text,
  caller_confidential boolean not null default false,
  region_id uuid references regions(id),
  address text,
  lat double precision,
  lng double precision,
  state text not null,
  version int not null default 1,
  lead_unit_id uuid references units(id),
  handled_directly boolean not null default false,
  closure_kind text,
  dispatch_count int not null default 0,
  rehandle_count int not null default 0,
  escalated boolean not null default false,
  merged_into_id uuid references orders(id),
  reply_result text,
  satisfaction text,
  resolved boolean,
  created_by uuid references users(id),
  accepted_at timestamptz not null,
  dispatched_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz not null,
  unique (centre_id, order_no)
);
create index orders_centre_state_idx on orders (centre_id, state, accepted_at desc);
create index orders_lead_unit_idx on orders (lead_unit_id, state);
create index orders_caller_phone_idx on orders (centre_id, caller_phone, accepted_at desc);
create index orders_accepted_idx on orders (centre_id, accepted_at desc);
create index orders_merged_into_idx on orders (merged_into_id);

-- Every unit an order was ever sent to; visibility for unit users follows these rows.
create table order_assignments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  unit_id uuid not null references units(id),
  role text not null check (role in ('lead','assist')),
  active boolean not null default true,
  assigned_at timestamptz not null,
  signed_at timestamptz,
  ended_at timestamptz
);
create index order_assignments_order_idx on order_assignments (order_id);
create index order_assignments_unit_idx on order_assignments (unit_id, active);

-- The timeline (全程可追溯): one row per step, written in the same transaction as the change.
create table order_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references orders(id),
  centre_id uuid not null references centres(id),
  action text not null,
  from_state text,
  to_state text,
  actor_user_id uuid references users(id),
  actor_unit_id uuid references units(id),
  actor_label text,
  at timestamptz not null,
  note text,
  payload jsonb not null default '{}'::jsonb
);
create index order_events_order_idx on order_events (order_id, id);
create index order_events_centre_action_at_idx on order_events (centre_id, action, at);

create table order_links (
  order_id uuid not null references orders(id),
  linked_order_id uuid not null references orders(id),
  kind text not null check (kind in ('duplicate','related')),
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (order_id, linked_order_id, kind)
);
create index order_links_linked_idx on order_links (linked_order_id);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  event_id bigint references order_events(id),
  file_name text not null,
  content_type text not null,
  size_bytes int not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null
);
create index attachments_order_idx on attachments (order_id);

create table return_visits (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders(id),
  visited_by uuid references users(id),
  at timestamptz not null,
  reached boolean not null,
  satisfaction text check (satisfaction in ('satisfied','basically_satisfied','dissatisfied')),
  resolved boolean,
  unit_caused boolean,
  method text not null default 'phone',
  note text
);
create index return_visits_order_idx on return_visits (order_id);

-- Who saw unmasked personal data, when (PIPL; 等保 audit).
create table pii_access_log (
  id bigint generated always as identity primary key,
  user_id uuid references users(id),
  order_id uuid references orders(id),
  fields text[] not null,
  purpose text not null,
  at timestamptz not null
);
create index pii_access_log_order_idx on pii_access_log (order_id, at);

-- Side effects are written here in the same transaction as the change and sent by the worker.
create table outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  dedupe_key text unique,
  payload jsonb not null,
  created_at timestamptz not null,
  available_at timestamptz not null,
  attempts int not null default 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text
);
create index outbox_pending_idx on outbox (available_at) where done_at is null
`,
  );
}
