import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { COUNTERS } from './counters.js';
import { factsQuery, type FactRange, type KpiRow } from './kpi-facts.repository.js';

/** Dimensions a read can keep; the others are summed away in SQL. */
export type RollupDim = 'day' | 'unit_id' | 'region_id' | 'category_id' | 'channel' | 'appeal_type' | 'line' | 'client_id';

/**
 * Summed rollup rows of [fromDay, toDay] except `skipDays`, grouped by the kept dimensions. A read
 * that keeps nothing but the day and the unit uses the per-unit table (a few hundred rows a day
 * instead of about one per order).
 */
export async function readRollupRows(
  db: Executor,
  q: { centreId: string; fromDay: string; toDay: string; skipDays: readonly string[]; keep: readonly RollupDim[] },
): Promise<KpiRow[]> {
  const table = q.keep.every((d) => d === 'day' || d === 'unit_id') ? 'kpi_daily_unit_rollups' : 'kpi_daily_rollups';
  const keep = q.keep.map((d) => sql.id(d));
  const skip = q.skipDays.length > 0 ? sql`and day <> all(${sql.val(q.skipDays)}::date[])` : sql``;
  const result = await sql<KpiRow>`
    select ${sql.join([...keep, ...COUNTERS.map((c) => sql`sum(${sql.id(c)})::bigint as ${sql.id(c)}`)])}
    from ${sql.table(table)}
    where centre_id = ${q.centreId} and day between ${q.fromDay}::date and ${q.toDay}::date ${skip}
    ${keep.length > 0 ? sql`group by ${sql.join(keep)}` : sql``}`.execute(db);
  return result.rows;
}

/** Days of the range that have been built at least once. */
export async function listBuiltDays(db: Executor, centreId: string, fromDay: string, toDay: string): Promise<string[]> {
  const result = await sql<{ day: string }>`
    select day from kpi_rollup_days
    where centre_id = ${centreId} and day between ${fromDay}::date and ${toDay}::date`.execute(db);
  return result.rows.map((r) => r.day);
}

export async function hasBuiltDays(db: Executor, centreId: string): Promise<boolean> {
  const row = await db.selectFrom('kpi_rollup_days').select('day').where('centre_id', '=', centreId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Replaces the rollup rows of the days [fromDay, toDay] with counters recomputed from the events. */
export async function rebuildRollupRange(db: Executor, r: FactRange, builtAt: Date): Promise<void> {
  await sql`delete from kpi_daily_rollups
    where centre_id = ${r.centreId} and day between ${r.fromDay}::date and ${r.toDay}::date`.execute(db);
  const dims = sql`day, unit_id, region_id, category_id, channel, appeal_type, line, client_id`;
  const cols = sql.join(COUNTERS.map((c) => sql.id(c)));
  await sql`insert into kpi_daily_rollups (centre_id, ${dims}, ${cols})
    select ${r.centreId}::uuid, f.day::date, f.unit_id, f.region_id, f.category_id, f.channel, f.appeal_type, f.line, f.client_id, ${cols}
    from (${factsQuery(r)}) f`.execute(db);
  await sql`delete from kpi_daily_unit_rollups
    where centre_id = ${r.centreId} and day between ${r.fromDay}::date and ${r.toDay}::date`.execute(db);
  await sql`insert into kpi_daily_unit_rollups (centre_id, day, unit_id, ${cols})
    select centre_id, day, unit_id, ${sql.join(COUNTERS.map((c) => sql`sum(${sql.id(c)})`))}
    from kpi_daily_rollups
    where centre_id = ${r.centreId} and day between ${r.fromDay}::date and ${r.toDay}::date
    group by centre_id, day, unit_id`.execute(db);
  await sql`insert into kpi_rollup_days (centre_id, day, built_at)
    select ${r.centreId}::uuid, d::date, ${builtAt}::timestamptz
    from generate_series(${r.fromDay}::date, ${r.toDay}::date, interval '1 day') d
    on conflict (centre_id, day) do update set built_at = excluded.built_at`.execute(db);
}

export interface RollupState {
  last_event_id: number;
  last_call_revision: number;
}

export async function readRollupState(db: Executor, centreId: string): Promise<RollupState> {
  const row = await db
    .selectFrom('kpi_rollup_state')
    .select(['last_event_id', 'last_call_revision'])
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
  return { last_event_id: Number(row?.last_event_id ?? 0), last_call_revision: Number(row?.last_call_revision ?? 0) };
}

/** Takes the centre's refresh lock (row lock until the transaction ends) and returns its state. */
export async function lockRollupState(tx: Executor, centreId: string): Promise<RollupState> {
  await tx
    .insertInto('kpi_rollup_state')
    .values({ centre_id: centreId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await tx
    .selectFrom('kpi_rollup_state')
    .select(['last_event_id', 'last_call_revision'])
    .where('centre_id', '=', centreId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { last_event_id: Number(row.last_event_id), last_call_revision: Number(row.last_call_revision) };
}

export async function saveRollupState(tx: Executor, centreId: string, state: RollupState, at: Date): Promise<void> {
  await tx
    .updateTable('kpi_rollup_state')
    .set({ last_event_id: state.last_event_id, last_call_revision: state.last_call_revision, refreshed_at: at })
    .where('centre_id', '=', centreId)
    .execute();
}

/** The newest event id and call revision now (read BEFORE recomputing, so nothing is skipped). */
export async function readHighWater(db: Executor, centreId: string): Promise<RollupState> {
  const result = await sql<{ e: number | null; c: number | null }>`
    select (select max(id) from order_events where centre_id = ${centreId}) as e,
           (select max(revision) from calls where centre_id = ${centreId}) as c`.execute(db);
  const row = result.rows[0];
  return { last_event_id: Number(row?.e ?? 0), last_call_revision: Number(row?.c ?? 0) };
}

/** Local days whose counters changed after the given watermarks (acceptance days of touched orders). */
export async function listTouchedDays(db: Executor, centreId: string, timeZone: string, since: RollupState): Promise<string[]> {
  const result = await sql<{ day: string }>`
    select distinct to_char(o.accepted_at at time zone ${timeZone}::text, 'YYYY-MM-DD') as day
      from order_events e join orders o on o.id = e.order_id
      where e.id > ${since.last_event_id} and e.centre_id = ${centreId}
    union
    select distinct to_char(c.offered_at at time zone ${timeZone}::text, 'YYYY-MM-DD') as day
      from calls c where c.revision > ${since.last_call_revision} and c.centre_id = ${centreId}`.execute(db);
  return result.rows.map((r) => r.day).sort();
}

/** Days from the first order or call up to `toDay` that were never built, oldest first. */
export async function listUnbuiltDays(
  db: Executor,
  centreId: string,
  timeZone: string,
  toDay: string,
  limit: number,
): Promise<string[]> {
  const result = await sql<{ day: string }>`
    with first as (
      select least(
        (select min(accepted_at) from orders where centre_id = ${centreId}),
        (select min(offered_at) from calls where centre_id = ${centreId})) as at
    )
    select to_char(d, 'YYYY-MM-DD') as day
    from first, generate_series((first.at at time zone ${timeZone}::text)::date, ${toDay}::date, interval '1 day') d
    where first.at is not null and not exists (
      select 1 from kpi_rollup_days b where b.centre_id = ${centreId} and b.day = d::date)
    order by d limit ${limit}`.execute(db);
  return result.rows.map((r) => r.day);
}

export async function listCentreTimeZones(db: Executor): Promise<{ id: string; timezone: string }[]> {
  return db.selectFrom('centres').select(['id', 'timezone']).orderBy('code').execute();
}
