import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { MAIN_HOTLINE } from '../contract/channels.js';
import type { LineMonthCount } from './merged-line-report.js';

/**
 * Calls offered / answered and phoned appeals per dialled number and local month of [fromMonth,
 * toMonth]. A call without a reported number, or a phoned appeal without one, came in on 12345.
 */
export async function readLineMonthCounts(
  db: Executor,
  q: { centreId: string; timeZone: string; fromMonth: string; toMonth: string },
): Promise<LineMonthCount[]> {
  const tz = sql`${q.timeZone}::text`;
  const from = sql`(${`${q.fromMonth}-01`}::date::timestamp at time zone ${tz})`;
  const to = sql`((${`${q.toMonth}-01`}::date + interval '1 month')::timestamp at time zone ${tz})`;
  const result = await sql<{ month: string; number: string; offered: string; answered: string; appeals: string }>`
    with c as (
      select to_char(offered_at at time zone ${tz}, 'YYYY-MM') as month,
             coalesce(nullif(hotline_number, ''), ${MAIN_HOTLINE}) as number,
             count(*) as offered, count(answered_at) as answered, 0::bigint as appeals
      from calls
      where centre_id = ${q.centreId} and offered_at >= ${from} and offered_at < ${to}
      group by 1, 2
    ), o as (
      select to_char(accepted_at at time zone ${tz}, 'YYYY-MM') as month,
             coalesce(nullif(source_number, ''), ${MAIN_HOTLINE}) as number,
             0::bigint as offered, 0::bigint as answered, count(*) as appeals
      from orders
      where centre_id = ${q.centreId} and channel = 'phone' and accepted_at >= ${from} and accepted_at < ${to}
      group by 1, 2
    )
    select month, number, sum(offered)::bigint as offered, sum(answered)::bigint as answered, sum(appeals)::bigint as appeals
    from (select * from c union all select * from o) x
    group by month, number`.execute(db);
  return result.rows.map((r) => ({
    month: r.month,
    number: r.number,
    offered: Number(r.offered),
    answered: Number(r.answered),
    appeals: Number(r.appeals),
  }));
}
