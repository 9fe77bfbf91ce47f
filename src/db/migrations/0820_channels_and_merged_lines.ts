import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 16 (ADRs 0175, 0176): every channel recorded at intake, the merged hotlines measured, a public
// knowledge base.
// - orders.channel: letter, e-mail and WeChat/app (through an outside system) besides the existing ones.
// - service_windows: the register of 办不成事 reflection windows (centre hall and county halls);
//   orders.window_id says which window took a window appeal.
// - merged_lines: the register of department hotlines merged into 12345 (双号并行 or retired), and
//   merged_line_settings: the centre's retirement criterion (thresholds).
// - kpi_daily_rollups.line: the hotline number dialled (a call's hotline_number, a phoned order's
//   source_number; 12345 when none was reported), so KPIs group by original line. Every built day is
//   forgotten so the refresh rebuilds it with the new dimension (until then days are recomputed raw).
// - knowledge_articles.public / public_views: articles citizens may read on the portal, and their views.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table orders drop constraint if exists orders_channel_check;
alter table orders add constraint orders_channel_check
  check (channel in ('phone','web','window','grid','letter','email','wechat_app','open_api','import'));

create table service_windows (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  name text not null,
  hall text not null,
  level text not null check (level in ('centre','county')),
  region_id uuid references regions(id),
  active boolean not null default true,
  sort int not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (centre_id, name)
);
alter table orders add column window_id uuid references service_windows(id);
create index orders_window_idx on orders (window_id) where window_id is not null;

create table merged_lines (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  number text not null,
  name text not null,
  former_department text not null,
  mode text not null check (mode in ('parallel','retired')),
  merged_on date not null,
  retired_on date,
  note text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (centre_id, number),
  check (retired_on is null or retired_on >= merged_on)
);

create table merged_line_settings (
  centre_id uuid primary key references centres(id),
  retire_max_calls int not null default 300 check (retire_max_calls >= 0),
  retire_max_share numeric(6,5) not null default 0.01 check (retire_max_share >= 0 and retire_max_share <= 1),
  retire_months int not null default 3 check (retire_months between 1 and 12),
  updated_at timestamptz not null
);

create index orders_source_number_idx on orders (centre_id, source_number, accepted_at) where source_number is not null;
create index calls_hotline_offered_idx on calls (centre_id, hotline_number, offered_at);

alter table kpi_daily_rollups add column line text;
delete from kpi_rollup_days;

alter table knowledge_articles add column public boolean not null default false;
alter table knowledge_articles add column public_views int not null default 0;
create index knowledge_articles_public_idx on knowledge_articles (centre_id) where public;
`,
  );
}
