import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 13, queues (ADR 0101): the queues page and sort on the server, so each sort order has an index
// that ends with the id (the tie-breaker that keeps pages stable); saved filters and column choices.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create index orders_queue_deadline_asc_idx on orders (centre_id, deadline_due_at asc nulls last, id);
create index orders_queue_deadline_desc_idx on orders (centre_id, deadline_due_at desc nulls last, id desc);
create index orders_queue_accepted_idx on orders (centre_id, accepted_at desc, id desc);
create index orders_queue_updated_idx on orders (centre_id, updated_at desc, id desc);

-- A user's named filters of one queue (unit inbox, dispatch queue, order list): the list query as JSON.
create table saved_filters (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  queue text not null,
  name text not null,
  query jsonb not null,
  created_at timestamptz not null,
  unique (user_id, queue, name)
);

-- A user's column choice per queue (the column keys in the order shown).
create table queue_columns (
  user_id uuid not null references users(id) on delete cascade,
  queue text not null,
  columns text[] not null,
  updated_at timestamptz not null,
  primary key (user_id, queue)
);
`,
  );
}
