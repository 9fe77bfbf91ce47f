import { sql, type Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 14, sub-centres (分中心, ADR 0110):
//   orders.desk_unit_id          the sub-centre desk that holds the order; null = the league centre's desk
//   units.region_id              for a sub_centre unit: the root of the region subtree it owns
//   centres.route_to_sub_centres intake routes an order whose region lies in a sub-centre's subtree to it
// A desk is one more search facet (d:<unit id>), so a sub-centre's search is answered by the one GIN
// index like a unit's (ADR 0046). Routing reads are cached by settings_version (ADR 0013): changing the
// switch or a sub-centre's region bumps it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table orders add column desk_unit_id uuid references units(id);
alter table units add column region_id uuid references regions(id);
alter table centres add column route_to_sub_centres boolean not null default false;
-- A sub-centre's queues: its own orders only (partial: the league's orders have no desk), one per sort
-- of 0555_queues, ending with the id.
create index orders_desk_accepted_idx on orders (desk_unit_id, accepted_at desc, id desc) where desk_unit_id is not null;
create index orders_desk_deadline_asc_idx on orders (desk_unit_id, deadline_due_at asc nulls last, id) where desk_unit_id is not null;
create index orders_desk_deadline_desc_idx on orders (desk_unit_id, deadline_due_at desc nulls last, id desc) where desk_unit_id is not null;
create index orders_desk_updated_idx on orders (desk_unit_id, updated_at desc, id desc) where desk_unit_id is not null;
create trigger centres_routing_version before update of route_to_sub_centres on centres for each row
  when (old.route_to_sub_centres is distinct from new.route_to_sub_centres) execute function bump_own_settings_version();
create trigger units_sub_centre_added after insert on units for each row when (new.kind = 'sub_centre')
  execute function bump_centre_settings_version();
create trigger units_sub_centre_changed after update of region_id, kind, active on units for each row
  when (old.kind = 'sub_centre' or new.kind = 'sub_centre') execute function bump_centre_settings_version();
drop trigger orders_search_facets on orders;
create trigger orders_search_facets before insert or update of state, lead_unit_id, category_id, region_id, accepted_at, desk_unit_id
  on orders for each row execute function orders_search_facets_trigger()
`,
  );
  await sql.raw(FACETS_FUNCTION).execute(db);
}

/** 0320's facets and the desk (d:). */
const FACETS_FUNCTION = `
create or replace function order_search_facets(o orders) returns text[] language sql stable as $$
  select array['s:' || o.state, 'w:' || floor(extract(epoch from o.accepted_at) / 604800)::bigint::text]
    || case when o.desk_unit_id is null then '{}'::text[] else array['d:' || o.desk_unit_id] end
    || coalesce((select array_agg(distinct 'v:' || x) from order_assignments a join units u on u.id = a.unit_id
         cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) x where a.order_id = o.id), '{}')
    || coalesce((select array_agg('l:' || x) from units u
         cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) x where u.id = o.lead_unit_id), '{}')
    || coalesce((select array_agg('c:' || x) from categories c
         cross join lateral unnest(string_to_array(trim(both '/' from c.path), '/')) x where c.id = o.category_id), '{}')
    || coalesce((select case when r.parent_id is null then array['r:' || r.id] else array['r:' || r.id, 'r:' || r.parent_id] end
         from regions r where r.id = o.region_id), '{}')
$$`;
