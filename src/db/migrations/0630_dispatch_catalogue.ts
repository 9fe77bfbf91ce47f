import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed.
// Issue 14, 派单目录 (ADR 0125): a versioned rule table category × region (× appeal type, × keywords)
// → lead unit (+ assisting units, + sub-centre desk), its history, the centre's auto-dispatch switch,
// and one row per dispatch saying whether it followed the catalogue (for the 遵循率 / 回退率 report).
// Rules, the switch and regions bump centres.settings_version (migration 0150), so each process's
// cached catalogue is current from the commit on (ADR 0013).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table catalogue_rules (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  no integer not null,
  category_id uuid references categories(id),
  region_id uuid references regions(id),
  appeal_type text,
  keywords text[] not null default '{}',
  lead_unit_id uuid not null references units(id),
  assist_unit_ids uuid[] not null default '{}',
  desk_unit_id uuid references units(id),
  note text,
  valid_from timestamptz not null,
  valid_to timestamptz,
  version integer not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  unique (centre_id, no),
  check (valid_to is null or valid_to >= valid_from)
);
create index catalogue_rules_scope_idx on catalogue_rules (centre_id, category_id, region_id);

-- Every state a rule has had: version 1 is its creation, each edit or expiry adds one.
create table catalogue_rule_versions (
  rule_id uuid not null references catalogue_rules(id) on delete cascade,
  version integer not null,
  change text not null check (change in ('create','edit','expire')),
  snapshot jsonb not null,
  changed_by uuid references users(id),
  changed_by_name text,
  changed_at timestamptz not null,
  primary key (rule_id, version)
);

create table catalogue_settings (
  centre_id uuid primary key references centres(id),
  auto_dispatch boolean not null default false,
  updated_by uuid references users(id),
  updated_at timestamptz not null
);

-- One row per dispatch: the catalogue's answer then, and whether the dispatcher followed it.
create table catalogue_dispatches (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  order_id uuid not null references orders(id),
  dispatched_at timestamptz not null,
  rule_id uuid references catalogue_rules(id),
  suggested_unit_id uuid references units(id),
  lead_unit_id uuid not null references units(id),
  outcome text not null check (outcome in ('followed','overridden','no_rule')),
  auto boolean not null default false,
  returned_at timestamptz
);
create index catalogue_dispatches_centre_idx on catalogue_dispatches (centre_id, dispatched_at);
create index catalogue_dispatches_order_idx on catalogue_dispatches (order_id, dispatched_at desc);

create trigger catalogue_rules_version after insert or update or delete on catalogue_rules for each row execute function bump_centre_settings_version();
create trigger catalogue_settings_version after insert or update or delete on catalogue_settings for each row execute function bump_centre_settings_version();
create trigger regions_settings_version after insert or update or delete on regions for each row execute function bump_centre_settings_version();
`,
  );
}
