import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * Orders waiting for the centre's check (state 'checking', partial index of migration 0650), oldest
 * rating first, with the citizen's rating (their web return visit) and the unit's last reply.
 */
export async function listCheckingOrders(db: Executor, q: { centreId: string; limit: number; offset: number }) {
  const base = db.selectFrom('orders as o').where('o.centre_id', '=', q.centreId).where('o.state', '=', 'checking');
  const [rows, count] = await Promise.all([
    base
      .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
      .select([
        'o.id',
        'o.order_no',
        'o.version',
        'o.title',
        'o.appeal_type',
        'o.satisfaction',
        'o.resolved',
        'o.rehandle_count',
        'o.escalated',
        'o.updated_at',
        'u.name as lead_unit_name',
        sql<string | null>`(select v.note from return_visits v where v.order_id = o.id order by v.at desc limit 1)`.as('comment'),
        sql<Date | null>`(select v.at from return_visits v where v.order_id = o.id order by v.at desc limit 1)`.as('rated_at'),
        sql<string | null>`(select e.payload->>'text' from order_events e
          where e.order_id = o.id and e.action = 'reply' order by e.id desc limit 1)`.as('reply_text'),
      ])
      .orderBy('o.updated_at')
      .orderBy('o.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
