import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { UNIT_STAGES } from '../../timelimits/default-policies.js';
import { inSubtree } from '../../shared/subtree.js';

export interface KpiNow {
  open: number;
  /** Open orders past a running stage deadline (红牌); for a unit, past one of the unit's own stages. */
  red: number;
  /** Open orders past the warning point but not yet due (黄牌), on the same stages as `red`. */
  yellow: number;
  acceptedToday: number;
  closedToday: number;
}

/**
 * The live counts of the dashboard and the wall screen.
 *
 * Centre-wide (`unitPath` null): every stage counts, from the summary the time-limits capability
 * keeps on the order (deadline_due_at / deadline_warn_at = its nearest running stage deadline).
 *
 * For a unit subtree: `open`, `acceptedToday` and `closedToday` are the orders whose lead unit is in
 * the subtree; `red` / `yellow` look only at the running deadlines of the unit stages (UNIT_STAGES:
 * sign, contact, reply; not dispatch, reply review or return visit, the centre's) whose unit
 * (order_deadlines.unit_id, set when the stage started) is in the subtree — the nearest of them per
 * order, as the summary does for all stages. This is what the unit's inbox shows as 已超期 (its own
 * stages past their deadline), so both screens give one number.
 *
 * Red is `due_at <= now`, as the order's warning level (timelimit.presenter) and `?warning=red`.
 */
export async function readKpiNow(
  db: Executor,
  q: { centreId: string; unitPath: string | null; deskUnitId?: string | null; now: Date; dayStart: Date },
): Promise<KpiNow> {
  const open = sql`o.state not in ('closed', 'invalid', 'merged')`;
  const subtree = (column: string) =>
    sql`${sql.ref(column)} in (select id from units where centre_id = ${q.centreId} and ${inSubtree('path', q.unitPath ?? '')})`;
  // a sub-centre's staff: the orders its desk holds (ADR 0110)
  const inUnit = q.unitPath
    ? sql`and ${subtree('o.lead_unit_id')}`
    : q.deskUnitId
      ? sql`and o.desk_unit_id = ${q.deskUnitId}`
      : sql``;
  const due = q.unitPath
    ? sql`
    left join lateral (
      select d.due_at, d.warn_at from order_deadlines d
      where d.order_id = o.id and d.status = 'running' and d.stage in (${sql.join([...UNIT_STAGES])})
        and ${subtree('d.unit_id')}
      order by d.due_at limit 1
    ) s on true`
    : sql`cross join lateral (select o.deadline_due_at as due_at, o.deadline_warn_at as warn_at) s`;
  const r = await sql<KpiNow>`
    select
      count(*) filter (where ${open}) as open,
      count(*) filter (where ${open} and s.due_at <= ${q.now}) as red,
      count(*) filter (where ${open} and s.warn_at <= ${q.now} and s.due_at > ${q.now}) as yellow,
      count(*) filter (where o.accepted_at >= ${q.dayStart}) as "acceptedToday",
      count(*) filter (where o.closed_at >= ${q.dayStart} and o.state = 'closed') as "closedToday"
    from orders o ${due}
    where o.centre_id = ${q.centreId} ${inUnit}
      and (${open} or o.accepted_at >= ${q.dayStart} or o.closed_at >= ${q.dayStart})`.execute(db);
  const row = r.rows[0]!;
  return {
    open: Number(row.open),
    red: Number(row.red),
    yellow: Number(row.yellow),
    acceptedToday: Number(row.acceptedToday),
    closedToday: Number(row.closedToday),
  };
}

/** The instant a local day starts in a time zone. */
export async function localDayStart(db: Executor, day: string, timeZone: string): Promise<Date> {
  const r = await sql<{ at: Date }>`select (${day}::date::timestamp at time zone ${timeZone}::text) as at`.execute(db);
  return new Date(r.rows[0]!.at);
}
