import { sql, type Kysely } from 'kysely';

// Forward-only. Fixes 0320's assignments trigger under concurrency: an UPDATE that waited for another
// transaction's lock on the order re-checks the new row version but computes the facets with the
// snapshot it started with, so two writers committing assignments of one order could each miss the
// other's unit. Locking the order row first and then updating in a new statement (plpgsql takes a
// fresh snapshot per statement under READ COMMITTED) makes the facets include every committed
// assignment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create or replace function order_assignments_search_facets_trigger() returns trigger language plpgsql as $$
declare
  ids uuid[] := array_remove(array[case when tg_op <> 'INSERT' then old.order_id end,
                                   case when tg_op <> 'DELETE' then new.order_id end], null);
  target uuid;
begin
  foreach target in array ids loop
    perform 1 from orders where id = target for no key update;
    update orders set search_facets = order_search_facets(orders)
      where id = target and search_facets is distinct from order_search_facets(orders);
  end loop;
  return null;
end
$$`,
    )
    .execute(db);
}
