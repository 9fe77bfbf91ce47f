import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 17 (ADR 0181): Open311 GeoReport v2. A category may ask for attributes (the service
// definition); an appeal that came through Open311 keeps the attribute values, the media URL and the
// client's own reference (mySociety's external id) beside the order. The listing index serves
// GET requests (non-confidential orders of a centre by acceptance time).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table category_attributes (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references categories(id),
  code text not null,
  datatype text not null,
  required boolean not null default false,
  variable boolean not null default true,
  description text not null,
  datatype_description text not null default '',
  ord int not null,
  "values" jsonb not null default '[]',
  unique (category_id, code),
  unique (category_id, ord)
);
create table open311_requests (
  order_id uuid primary key references orders(id),
  api_client_id uuid not null references api_clients(id),
  attributes jsonb not null default '{}',
  media_url text,
  address_id text,
  account_id text,
  device_id text,
  external_id text
);
create index open311_requests_client on open311_requests (api_client_id);
create index orders_open311_listing on orders (centre_id, accepted_at desc) where not caller_confidential;
`,
  );
}
