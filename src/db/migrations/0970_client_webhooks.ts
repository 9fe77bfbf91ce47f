import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 17 (ADR 0182): signed webhooks for outside systems. An API client subscribes URLs (several
// per client) to the progress events of its own appeals; the secret that signs each delivery is
// sealed at rest like the TOTP secrets (webhook_secret in SEALED_COLUMNS, ADR 0172). Every attempt
// of every delivery is a row of the delivery log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table client_webhooks (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references api_clients(id),
  url text not null,
  webhook_secret text not null,
  events text[] not null,
  description text not null default '',
  created_at timestamptz not null,
  paused_at timestamptz,
  pause_reason text check (pause_reason in ('failures', 'admin')),
  consecutive_failures int not null default 0,
  last_attempt_at timestamptz,
  last_status_code int
);
create index client_webhooks_client on client_webhooks (client_id);
create table client_webhook_deliveries (
  id bigint generated always as identity primary key,
  webhook_id uuid not null references client_webhooks(id) on delete cascade,
  delivery_id uuid not null,
  event text not null,
  order_id uuid,
  attempt int not null,
  outcome text not null check (outcome in ('delivered', 'failed', 'skipped')),
  status_code int,
  duration_ms int,
  error text,
  at timestamptz not null
);
create index client_webhook_deliveries_webhook on client_webhook_deliveries (webhook_id, id desc);
`,
  );
}
