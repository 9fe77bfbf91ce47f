import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Agent tools of issue 13: text modules and presence (internal notes are timeline events, kind 'note').
// Forward-only: never edit after it has landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- 文本模块: a reply snippet with {{variables}}, for the whole centre or scoped to a category subtree and/or a unit.
create table text_modules (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  name text not null,
  keyword text not null,
  body text not null,
  category_id uuid references categories(id),
  unit_id uuid references units(id),
  active boolean not null default true,
  updated_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (centre_id, keyword)
);

-- Who has an order open right now: one row per (order, user), refreshed by a heartbeat, pruned by a job.
create table order_presence (
  order_id uuid not null references orders(id),
  user_id uuid not null references users(id),
  centre_id uuid not null references centres(id),
  seen_at timestamptz not null,
  primary key (order_id, user_id)
);
create index order_presence_seen_idx on order_presence (seen_at);
`,
  );
}
