import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only. The same additive KPI counters per centre × local day × unit only. kpi_daily_rollups
// keeps five dimensions, so with thousands of orders a day it holds about one row per order and a
// month's read sums ~170 k rows at 5 M orders; reads that keep only the day and the unit (groupBy
// unit, the centre total, day/week/month without other filters) use this table instead (≤ units rows
// a day). It is rebuilt with kpi_daily_rollups, day by day, in the same transaction; here it is
// filled once from what is built already.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table kpi_daily_unit_rollups (
  centre_id uuid not null references centres(id),
  day date not null,
  unit_id uuid,
  calls_offered int not null default 0,
  calls_answered int not null default 0,
  calls_answered_15s int not null default 0,
  calls_abandoned int not null default 0,
  accepted int not null default 0,
  direct int not null default 0,
  transferred int not null default 0,
  closed int not null default 0,
  invalid int not null default 0,
  merged int not null default 0,
  dispatches int not null default 0,
  returns int not null default 0,
  replies int not null default 0,
  rehandles int not null default 0,
  signed_on_time int not null default 0,
  responded_on_time int not null default 0,
  closed_on_time int not null default 0,
  handling_seconds bigint not null default 0,
  visits_valid int not null default 0,
  visits_satisfied int not null default 0,
  visits_basic int not null default 0,
  visits_resolved int not null default 0
);
create index kpi_daily_unit_rollups_day_idx on kpi_daily_unit_rollups (centre_id, day);
insert into kpi_daily_unit_rollups (centre_id, day, unit_id, calls_offered, calls_answered, calls_answered_15s, calls_abandoned, accepted, direct, transferred, closed, invalid, merged, dispatches, returns, replies, rehandles, signed_on_time, responded_on_time, closed_on_time, handling_seconds, visits_valid, visits_satisfied, visits_basic, visits_resolved)
  select centre_id, day, unit_id, sum(calls_offered), sum(calls_answered), sum(calls_answered_15s), sum(calls_abandoned), sum(accepted), sum(direct), sum(transferred), sum(closed), sum(invalid), sum(merged), sum(dispatches), sum(returns), sum(replies), sum(rehandles), sum(signed_on_time), sum(responded_on_time), sum(closed_on_time), sum(handling_seconds), sum(visits_valid), sum(visits_satisfied), sum(visits_basic), sum(visits_resolved)
  from kpi_daily_rollups group by centre_id, day, unit_id
`,
  );
}
