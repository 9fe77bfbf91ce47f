import { sql, type Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 19 (ADR 0188): residents (a verified phone, or registered by community staff) in households,
// their portal sessions, 积分 rules per activity kind, the points ledger and the 爱心超市 with stock.
// The ledger is append-only (a trigger refuses update and delete); each resident's entries are
// numbered (seq) and carry the balance after them, which may never be negative.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table households (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  name text not null,
  created_at timestamptz not null
);
create index households_unit_idx on households (unit_id);

create table residents (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  household_id uuid references households(id),
  name text not null,
  phone text,
  phone_bidx text,
  phone_verified_at timestamptz,
  registered_by uuid references users(id),
  created_at timestamptz not null
);
create unique index residents_phone_idx on residents (centre_id, phone_bidx) where phone_bidx is not null;
create index residents_unit_idx on residents (unit_id);
create index residents_household_idx on residents (household_id) where household_id is not null;

create table resident_sessions (
  token_hash text primary key,
  centre_id uuid not null references centres(id),
  phone text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index resident_sessions_expiry_idx on resident_sessions (expires_at);

create table points_rules (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  activity_kind text not null,
  name text not null,
  points int not null check (points > 0),
  active boolean not null default true,
  created_at timestamptz not null
);
create index points_rules_centre_idx on points_rules (centre_id, activity_kind);

create table shops (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  unit_id uuid not null references units(id),
  name text not null,
  created_at timestamptz not null
);
create table shop_items (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references shops(id),
  name text not null,
  cost int not null check (cost > 0),
  stock int not null check (stock >= 0),
  active boolean not null default true,
  created_at timestamptz not null
);
create index shop_items_shop_idx on shop_items (shop_id);

create table points_entries (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  resident_id uuid not null references residents(id),
  seq int not null check (seq > 0),
  kind text not null,
  activity_kind text,
  rule_id uuid references points_rules(id),
  points int not null check (points <> 0),
  balance_after int not null check (balance_after >= 0),
  note text,
  evidence text,
  by_user_id uuid references users(id),
  item_id uuid references shop_items(id),
  quantity int check (quantity > 0),
  corrects_entry_id uuid references points_entries(id),
  source_key text,
  at timestamptz not null,
  unique (resident_id, seq)
);
create unique index points_entries_source_idx on points_entries (centre_id, source_key) where source_key is not null;
create index points_entries_at_idx on points_entries (resident_id, at);

`,
  );
  await sql
    .raw(
      `create function points_entries_immutable() returns trigger language plpgsql as $fn$
begin
  raise exception 'points_entries are immutable: write a correction entry instead';
end
$fn$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger points_entries_no_change before update or delete on points_entries
  for each row execute function points_entries_immutable()`,
    )
    .execute(db);
}
