import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { newOrder } from '../helpers/orders.js';
import { extraConnection } from '../helpers/test-db.js';
import { useWorld } from '../helpers/use-world.js';

// Concurrent writers need several connections: PostgreSQL only (the embedded database has one).
const server = process.env.TEST_DATABASE_URL;
const { database, w } = useWorld();

const connect = async () => (await extraConnection(database))!;

describe('search facets under concurrent assignment writers', () => {
  it.skipIf(!server)('include every committed assignment when writers waited on the order row', async () => {
    const order = await newOrder(w);
    const [holder, first, second] = await Promise.all([1, 2, 3].map(() => connect()));
    try {
      const assign = (c: pg.Client, unitId: string) =>
        c.query(`insert into order_assignments (order_id, unit_id, role, assigned_at) values ($1, $2, 'assist', now())`, [
          order.id,
          unitId,
        ]);
      await holder.query('begin');
      await holder.query('select 1 from orders where id = $1 for no key update', [order.id]); // a transition in progress
      await first.query('begin');
      await assign(first, w.units.deptA1.id);
      await second.query('begin');
      await assign(second, w.units.deptB1.id);
      const commits = [first.query('commit'), second.query('commit')]; // both wait for the holder
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query('commit');
      await Promise.all(commits);
      const row = await database.db
        .selectFrom('orders')
        .select(['search_facets'])
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(row.search_facets).toContain(`v:${w.units.deptA1.id}`);
      expect(row.search_facets).toContain(`v:${w.units.deptB1.id}`);
    } finally {
      await Promise.all([holder.end(), first.end(), second.end()]);
    }
  });
});
