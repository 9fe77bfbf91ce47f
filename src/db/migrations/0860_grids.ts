import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- 网格 (issue 18, ADR 0185): polygons of a town/street region, in WGS-84 GeoJSON (always a
-- MultiPolygon), with their box for the index; point → grid is computed in the application on both
-- databases. Every import that changes a grid writes a version row with the outline it had.
create table grids (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  region_id uuid not null references regions(id),
  code text not null,
  name text not null,
  version int not null default 1,
  active boolean not null default true,
  demo boolean not null default false,
  geometry jsonb not null,
  min_lng double precision not null,
  min_lat double precision not null,
  max_lng double precision not null,
  max_lat double precision not null,
  updated_at timestamptz not null,
  unique (centre_id, code)
);
create index grids_region_idx on grids (region_id) where active;

create table grid_versions (
  grid_id uuid not null references grids(id),
  version int not null,
  name text not null,
  region_id uuid not null references regions(id),
  active boolean not null,
  geometry jsonb not null,
  changed_at timestamptz not null,
  changed_by uuid references users(id),
  source text not null,
  primary key (grid_id, version)
);

-- The grid index's cache key (its own, like catalogue_version: a grid import reloads nothing else).
alter table centres add column grid_version int not null default 0;

-- The grid of an order's point, set at intake (and when an import moves an open order's grid).
alter table orders add column grid_id uuid references grids(id);
create index orders_grid_idx on orders (grid_id, state) where grid_id is not null;
`,
  );
}
