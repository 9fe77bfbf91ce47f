import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 17 (ADR 0180): outside systems that feed the centre (蒙速办, mini-program back ends, the grid
// platform) as API clients with hashed keys (several per client, for rotation), scopes, a rate limit
// and an optional address allow-list; every order records the client it came from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table api_clients (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  name text not null,
  channel text not null,
  owner_unit_id uuid references units(id),
  contact text not null default '',
  scopes text[] not null,
  rate_per_minute int not null default 120,
  ip_allow text[] not null default '{}',
  created_at timestamptz not null,
  revoked_at timestamptz,
  unique (centre_id, name)
);
create table api_client_keys (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references api_clients(id),
  prefix text not null unique,
  key_hash text not null,
  label text not null default '',
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_client_keys_client on api_client_keys (client_id);
alter table orders add column api_client_id uuid references api_clients(id);
create index orders_api_client on orders (api_client_id, accepted_at) where api_client_id is not null;
`,
  );
}
