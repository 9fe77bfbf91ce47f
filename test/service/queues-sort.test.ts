import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ORDER_SORTS } from '../../src/contract/orders.js';
import { listOrdersQuery } from '../../src/orders/order.repository.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld();

/** The index each sort of a centre-wide queue should be read through (migration 0555_queues). */
const INDEX_OF_SORT = {
  deadline: 'orders_queue_deadline_asc_idx',
  deadline_desc: 'orders_queue_deadline_desc_idx',
  accepted: 'orders_queue_accepted_idx',
  updated: 'orders_queue_updated_idx',
} as const;

describe('queue sorts are served by an index (EXPLAIN)', () => {
  it('reads the first page by each sort through its index, without sorting the matching orders', async () => {
    const db = database.db;
    const model = await newOrder(w);
    // Copies of one order with their own id, number and times. A test database is small, so the planner
    // would rightly sort a few hundred rows; with sorting priced out (enable_sort off) it still sorts
    // when no index gives the order, so a plan without a Sort node shows that the index serves the sort.
    await sql`
      insert into orders
      select (jsonb_populate_record(null::orders, to_jsonb(o) || jsonb_build_object(
        'id', gen_random_uuid(),
        'order_no', 'B' || g,
        'deadline_due_at', o.accepted_at + g * interval '1 minute',
        'accepted_at', o.accepted_at - g * interval '1 minute',
        'updated_at', o.accepted_at - g * interval '1 second'))).*
      from orders o, generate_series(1, 500) g
      where o.id = ${model.id}`.execute(db);
    await sql`analyze orders`.execute(db);
    for (const sort of ORDER_SORTS) {
      const query = listOrdersQuery(db, { centreId: w.centreId, unitPath: null }, { limit: 50, offset: 0, sort }).compile();
      const plan = await db.transaction().execute(async (tx) => {
        await sql`set local enable_sort = off`.execute(tx);
        const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${sql.raw(inline(query))}`.execute(tx);
        return JSON.stringify(rows[0]!['QUERY PLAN']);
      });
      expect(plan, `${sort}: ${plan}`).toContain(INDEX_OF_SORT[sort]);
      expect(plan, `${sort}: ${plan}`).not.toContain('"Node Type":"Sort"');
    }
  }, 120_000);
});

/** The compiled query with its parameters written in (EXPLAIN takes no bind parameters on PGlite's simple path). */
function inline(query: { sql: string; parameters: readonly unknown[] }): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.parameters[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
