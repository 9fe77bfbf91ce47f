import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

export interface KpiNow {
  open: number;
  /** Open orders past their running stage deadline (红牌). */
  red: number;
  /** Open orders past the warning point but not yet due (黄牌). */
  yellow: number;
  acceptedToday: number;
  closedToday: number;
}

/**
 * The live counts of the wall screen, from the orders' own columns: state, and the nearest running
 * stage deadline the time-limits capability keeps on the order (deadline_due_at / deadline_warn_at).
 * `unitPath` limits them to orders whose lead unit is in that subtree.
 */
export async function readKpiNow(
  db: Executor,
  q: { centreId: string; unitPath: string | null; now: Date; dayStart: Date },
): Promise<KpiNow> {
  const inUnit = q.unitPath
    ? sql`and o.lead_unit_id in (select id from units where centre_id = ${q.centreId} and path like ${`${q.unitPath}%`})`
    : sql``;
  const r = await sql<KpiNow>`
    select
      count(*) filter (where o.state not in ('closed', 'invalid', 'merged')) as open,
      count(*) filter (where o.state not in ('closed', 'invalid', 'merged') and o.deadline_due_at < ${q.now}) as red,
      count(*) filter (where o.state not in ('closed', 'invalid', 'merged') and o.deadline_warn_at <= ${q.now}
                       and o.deadline_due_at >= ${q.now}) as yellow,
      count(*) filter (where o.accepted_at >= ${q.dayStart}) as "acceptedToday",
      count(*) filter (where o.closed_at >= ${q.dayStart} and o.state = 'closed') as "closedToday"
    from orders o
    where o.centre_id = ${q.centreId} ${inUnit}
      and (o.state not in ('closed', 'invalid', 'merged') or o.accepted_at >= ${q.dayStart} or o.closed_at >= ${q.dayStart})`.execute(
    db,
  );
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
