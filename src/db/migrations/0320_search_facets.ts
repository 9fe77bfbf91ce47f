import { sql, type Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Search facets (ADR 0046): what search and duplicate lookup filter on, as GIN-indexable array
// elements next to the lexemes, so one GIN scan applies the words, the unit's visibility and the
// filters together instead of checking each recent match row by row.
//   v:<unit id>   the order was sent to this unit or a unit below it (visibility for unit users)
//   l:<unit id>   the lead unit is this unit or below it
//   c:<cat id>    filed under this category or below it
//   r:<region id> in this region or a direct child of it
//   s:<state>     current state
//   w:<n>         accepted in week n (whole weeks of 604,800 s since 1970-01-01 UTC)
// Unit, category and region trees never move (ids and paths are fixed at insert), so the facets only
// change with the order's own columns and its assignments; two triggers keep them current in the
// same transaction, whoever writes (API, worker, imports, generators).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders add column search_facets text[] not null default '{}'`.execute(db);
  await sql.raw(FACETS_FUNCTION).execute(db);
  await sql.raw(ORDERS_TRIGGER_FUNCTION).execute(db);
  await sql.raw(ASSIGNMENTS_TRIGGER_FUNCTION).execute(db);
  await runSql(
    db,
    `
update orders set search_facets = order_search_facets(orders);
create trigger orders_search_facets before insert or update of state, lead_unit_id, category_id, region_id, accepted_at
  on orders for each row execute function orders_search_facets_trigger();
create constraint trigger order_assignments_search_facets after insert or update of order_id, unit_id or delete
  on order_assignments deferrable initially deferred for each row execute function order_assignments_search_facets_trigger();
-- One GIN index over words and facets: a query's words, visibility and filters meet inside the index.
create index orders_search_facets_idx on orders using gin (search_vector, search_facets);
drop index orders_search_idx;
analyze orders
`,
  );
}

/** The facets of one order row (its assignments read from the table). */
const FACETS_FUNCTION = `
create function order_search_facets(o orders) returns text[] language sql stable as $$
  select array['s:' || o.state, 'w:' || floor(extract(epoch from o.accepted_at) / 604800)::bigint::text]
    || coalesce((select array_agg(distinct 'v:' || x) from order_assignments a join units u on u.id = a.unit_id
         cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) x where a.order_id = o.id), '{}')
    || coalesce((select array_agg('l:' || x) from units u
         cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) x where u.id = o.lead_unit_id), '{}')
    || coalesce((select array_agg('c:' || x) from categories c
         cross join lateral unnest(string_to_array(trim(both '/' from c.path), '/')) x where c.id = o.category_id), '{}')
    || coalesce((select case when r.parent_id is null then array['r:' || r.id] else array['r:' || r.id, 'r:' || r.parent_id] end
         from regions r where r.id = o.region_id), '{}')
$$`;

const ORDERS_TRIGGER_FUNCTION = `
create function orders_search_facets_trigger() returns trigger language plpgsql as $$
begin
  new.search_facets := order_search_facets(new);
  return new;
end
$$`;

// Deferred to commit, and writing only when the facets differ: a transition inserts its assignments
// before it updates the order, whose own trigger then already reads them, so a dispatch does not
// leave a second row version; a writer that changes assignments alone still gets them applied.
const ASSIGNMENTS_TRIGGER_FUNCTION = `
create function order_assignments_search_facets_trigger() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    update orders set search_facets = order_search_facets(orders)
      where id = old.order_id and search_facets is distinct from order_search_facets(orders);
  end if;
  if tg_op <> 'DELETE' then
    update orders set search_facets = order_search_facets(orders)
      where id = new.order_id and search_facets is distinct from order_search_facets(orders);
  end if;
  return null;
end
$$`;
