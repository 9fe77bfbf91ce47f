import type { Executor } from '../db/database.js';

/** The company of one order, when it is an enterprise appeal. */
export async function findOrderEnterprise(db: Executor, orderId: string) {
  return db.selectFrom('order_enterprises').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

export type EnterpriseQueueStatus = 'open' | 'closed' | 'all';

const FINAL = ['closed', 'invalid', 'merged'] as const;

/** The enterprise desk's queue: a centre's enterprise appeals, newest first, with their lead unit. */
export async function listEnterpriseOrders(
  db: Executor,
  q: { centreId: string; status: EnterpriseQueueStatus; limit: number; offset: number },
) {
  let base = db
    .selectFrom('order_enterprises as x')
    .innerJoin('orders as o', 'o.id', 'x.order_id')
    .where('x.centre_id', '=', q.centreId);
  if (q.status === 'open') base = base.where('o.state', 'not in', FINAL);
  if (q.status === 'closed') base = base.where('o.state', 'in', FINAL);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
      .select([
        'o.id as order_id',
        'o.order_no',
        'o.title',
        'o.state',
        'o.appeal_type',
        'o.accepted_at',
        'o.closed_at',
        'o.satisfaction',
        'x.company_name',
        'x.credit_code',
        'x.protect_name',
        'u.name as lead_unit_name',
      ])
      .orderBy('o.accepted_at', 'desc')
      .orderBy('o.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
