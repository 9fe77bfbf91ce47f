import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

export interface MonthRange {
  centreId: string;
  from: Date;
  to: Date;
  /** Deadlines still running at this time and already past due count as overdue. */
  asOf: Date;
}

/**
 * Per order accepted in the month and dispatched: the unit of its last dispatch (as the KPI module
 * attributes it), whether a sign/contact/reply deadline was missed, re-handlings, and its return
 * visits counted as the KPI module counts them (visits the unit did not cause to fail).
 */
export async function listOrderFacts(db: Executor, r: MonthRange) {
  const result = await sql<{
    order_id: string;
    unit_id: string;
    overdue: boolean;
    rehandles: number;
    visits_valid: number;
    visits_satisfied: number;
    visits_basic: number;
    visits_resolved: number;
  }>`
with o as (
  select id from orders where centre_id = ${r.centreId} and accepted_at >= ${r.from} and accepted_at < ${r.to}
),
last_dispatch as (
  select distinct on (e.order_id) e.order_id, (e.payload->>'leadUnitId')::uuid as unit_id
  from order_events e join o on o.id = e.order_id
  where e.action = 'dispatch'
  order by e.order_id, e.id desc
)
select ld.order_id, ld.unit_id,
  exists (
    select 1 from order_deadlines d
    where d.order_id = ld.order_id and d.stage in ('sign', 'contact', 'reply') and d.status <> 'cancelled'
      and d.due_at < coalesce(d.ended_at, ${r.asOf})
  ) as overdue,
  (select count(*) from order_events e where e.order_id = ld.order_id and e.action = 'visit_rehandle')::int as rehandles,
  coalesce(v.valid, 0)::int as visits_valid,
  coalesce(v.satisfied, 0)::int as visits_satisfied,
  coalesce(v.basic, 0)::int as visits_basic,
  coalesce(v.resolved, 0)::int as visits_resolved
from last_dispatch ld
left join lateral (
  select
    count(*) filter (where reached and satisfaction is not null) as valid,
    count(*) filter (where reached and satisfaction = 'satisfied') as satisfied,
    count(*) filter (where reached and satisfaction = 'basically_satisfied') as basic,
    count(*) filter (where reached and satisfaction is not null and resolved) as resolved
  from return_visits rv where rv.order_id = ld.order_id and rv.unit_caused is distinct from true
) v on true`.execute(db);
  return result.rows;
}

/** Approved returns (退单) of orders accepted in the month, on the unit that returned them. */
export async function listReturnFacts(db: Executor, r: MonthRange) {
  const result = await sql<{ order_id: string; unit_id: string }>`
select e.order_id, (e.payload->>'returnedFromUnitId')::uuid as unit_id
from order_events e join orders o on o.id = e.order_id
where o.centre_id = ${r.centreId} and o.accepted_at >= ${r.from} and o.accepted_at < ${r.to}
  and e.action = 'approve_return' and e.payload->>'returnedFromUnitId' is not null`.execute(db);
  return result.rows;
}
