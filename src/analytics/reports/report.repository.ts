import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { inSubtree } from '../../shared/subtree.js';

/**
 * Orders accepted in the period with a missed sign/contact/reply deadline (the assessment's
 * "overdue"), optionally only those last dispatched into a unit subtree; the latest miss per order.
 */
export async function listOverdueOrders(
  db: Executor,
  q: { centreId: string; from: Date; to: Date; asOf: Date; unitPath: string | null; limit: number },
) {
  const unitFilter = q.unitPath ? sql`and ${inSubtree('u.path', q.unitPath)}` : sql``;
  const result = await sql<{
    order_id: string;
    order_no: string;
    title: string;
    state: string;
    unit_name: string | null;
    stage: string;
    due_at: Date;
    ended_at: Date | null;
    accepted_at: Date;
  }>`
select distinct on (o.id) o.id as order_id, o.order_no, o.title, o.state, u.name as unit_name,
  d.stage, d.due_at, d.ended_at, o.accepted_at
from orders o
join order_deadlines d on d.order_id = o.id
left join units u on u.id = d.unit_id
where o.centre_id = ${q.centreId} and o.accepted_at >= ${q.from} and o.accepted_at < ${q.to}
  and d.stage in ('sign', 'contact', 'reply') and d.status <> 'cancelled'
  and d.due_at < coalesce(d.ended_at, ${q.asOf})
  ${unitFilter}
order by o.id, d.due_at desc
limit ${q.limit}`.execute(db);
  return result.rows.sort((a, b) => (a.order_no < b.order_no ? -1 : 1));
}
