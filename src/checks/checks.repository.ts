import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { whereVisible, type OrderScope } from '../orders/order.repository.js';

/**
 * Orders waiting for the centre's check (state 'checking', partial index of migration 0650), oldest
 * rating first, with the citizen's rating (their web return visit) and the unit's last reply. Narrowed
 * by the reader's scope, the one visibility rule of every order read (a sub-centre's desk, ADR 0153).
 */
export async function listCheckingOrders(db: Executor, q: { scope: OrderScope; limit: number; offset: number }) {
  const base = whereVisible(db.selectFrom('orders'), q.scope).where('orders.state', '=', 'checking');
  const [rows, count] = await Promise.all([
    base
      .leftJoin('units as u', 'u.id', 'orders.lead_unit_id')
      .select([
        'orders.id',
        'orders.order_no',
        'orders.version',
        'orders.title',
        'orders.appeal_type',
        'orders.satisfaction',
        'orders.resolved',
        'orders.rehandle_count',
        'orders.escalated',
        'orders.updated_at',
        'u.name as lead_unit_name',
        sql<string | null>`(select v.note from return_visits v where v.order_id = orders.id order by v.at desc limit 1)`.as(
          'comment',
        ),
        sql<Date | null>`(select v.at from return_visits v where v.order_id = orders.id order by v.at desc limit 1)`.as(
          'rated_at',
        ),
        sql<string | null>`(select e.payload->>'text' from order_events e
          where e.order_id = orders.id and e.action = 'reply' order by e.id desc limit 1)`.as('reply_text'),
      ])
      .orderBy('orders.updated_at')
      .orderBy('orders.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
