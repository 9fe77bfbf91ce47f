import { sql, type RawBuilder } from 'kysely';

/**
 * The default time limits of domain.md ("Time limits"), as SQL over a dispatch time, a priority and
 * an appeal type, for orders without stored deadlines (order_deadlines of src/timelimits win when
 * present: they follow the PRC calendar, pauses and extensions). Working days here skip Saturdays and Sundays only (an order dispatched on a
 * weekend starts counting on Monday 00:00); statutory holidays and 调休 need the stored deadlines.
 *
 * | priority | sign-for | contact citizen | handle |
 * | 1 | 15 min | 30 min | 2 h |
 * | 2 | 30 min | 2 h | 24 h |
 * | 3 | 1 working day | 1 working day | 5 working days (consult 1, complaint/report 10) |
 * | 4 | 1 working day | 1 working day | 15 working days |
 */
type Sql = RawBuilder<unknown>;

/** Local wall-clock time, moved to Monday 00:00 when it falls on a weekend. */
const workStart = (local: Sql) => sql`(case extract(isodow from ${local})
  when 6 then date_trunc('day', ${local}) + interval '2 day'
  when 7 then date_trunc('day', ${local}) + interval '1 day'
  else ${local} end)`;

/** n working days later: one day (three from a Friday), or n/5 whole weeks for multiples of five. */
function addWorkdays(local: Sql, n: 1 | 5 | 10 | 15): Sql {
  const start = workStart(local);
  if (n === 1) return sql`(${start} + (case extract(isodow from ${start}) when 5 then 3 else 1 end) * interval '1 day')`;
  return sql`(${start} + ${sql.lit(`${(n / 5) * 7} days`)}::interval)`;
}

export interface DeadlineInputs {
  dispatchedAt: Sql;
  priority: Sql;
  appealType: Sql;
  timeZone: string;
}

export function defaultDeadlines(i: DeadlineInputs): { sign: Sql; contact: Sql; handle: Sql } {
  const tz = sql`${i.timeZone}::text`;
  const local = sql`(${i.dispatchedAt} at time zone ${tz})`;
  const back = (l: Sql) => sql`(${l} at time zone ${tz})`;
  const wd1 = back(addWorkdays(local, 1));
  return {
    sign: sql`(case ${i.priority} when 1 then ${i.dispatchedAt} + interval '15 minutes'
      when 2 then ${i.dispatchedAt} + interval '30 minutes' else ${wd1} end)`,
    contact: sql`(case ${i.priority} when 1 then ${i.dispatchedAt} + interval '30 minutes'
      when 2 then ${i.dispatchedAt} + interval '2 hours' else ${wd1} end)`,
    handle: sql`(case
      when ${i.priority} = 1 then ${i.dispatchedAt} + interval '2 hours'
      when ${i.priority} = 2 then ${i.dispatchedAt} + interval '24 hours'
      when ${i.priority} = 4 then ${back(addWorkdays(local, 15))}
      when ${i.appealType} = 'consult' then ${wd1}
      when ${i.appealType} in ('complaint','report') then ${back(addWorkdays(local, 10))}
      else ${back(addWorkdays(local, 5))} end)`,
  };
}
