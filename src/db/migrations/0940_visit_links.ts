import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 16 (ADR 0202): return visits by SMS link — a one-time link per invitation, of which only the
// token's SHA-256 is kept (the token itself is only in the SMS) — and the 直办 orders sampled for a visit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table visit_links (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_id uuid not null references orders(id),
  token_hash text not null unique,
  created_by uuid references users(id),
  created_at timestamptz not null,
  -- also the moment an unanswered link falls back to the phone visit (visit_link_hours)
  expires_at timestamptz not null,
  used_at timestamptz,
  fell_back_at timestamptz,
  check (expires_at > created_at),
  check (used_at is null or fell_back_at is null)
);
create index visit_links_order_idx on visit_links (order_id, created_at desc);
create index visit_links_centre_idx on visit_links (centre_id, created_at desc);
create index visit_links_due_idx on visit_links (expires_at) where used_at is null and fell_back_at is null;

-- A 直办 order drawn for a return visit (deterministic by its id and the centre's share).
create table direct_visit_samples (
  order_id uuid primary key references orders(id),
  centre_id uuid not null references centres(id),
  share numeric not null check (share > 0 and share <= 1),
  sampled_at timestamptz not null
);
create index direct_visit_samples_centre_idx on direct_visit_samples (centre_id, sampled_at desc);
create index orders_direct_closed_idx on orders (closed_at) where handled_directly;
`,
  );
}
