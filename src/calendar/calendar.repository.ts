import type { Executor } from '../db/database.js';

export async function findCentreTimezone(db: Executor, centreId: string): Promise<string | undefined> {
  const row = await db.selectFrom('centres').select('timezone').where('id', '=', centreId).executeTakeFirst();
  return row?.timezone;
}

export async function findCalendarSettings(db: Executor, centreId: string) {
  return db.selectFrom('calendar_settings').selectAll().where('centre_id', '=', centreId).executeTakeFirst();
}

export async function upsertCalendarSettings(
  db: Executor,
  row: { centreId: string; workPeriods: string; by: string | null; at: Date },
) {
  await db
    .insertInto('calendar_settings')
    .values({ centre_id: row.centreId, work_periods: row.workPeriods, updated_by: row.by, updated_at: row.at })
    .onConflict((oc) =>
      oc.column('centre_id').doUpdateSet({ work_periods: row.workPeriods, updated_by: row.by, updated_at: row.at }),
    )
    .execute();
}

export async function listCalendarOverrides(db: Executor, centreId: string) {
  return db
    .selectFrom('calendar_overrides')
    .select(['day', 'working', 'name', 'updated_at'])
    .where('centre_id', '=', centreId)
    .orderBy('day')
    .execute();
}

export async function upsertCalendarOverride(
  db: Executor,
  row: { centreId: string; day: string; working: boolean; name: string; by: string | null; at: Date },
) {
  await db
    .insertInto('calendar_overrides')
    .values({
      centre_id: row.centreId,
      day: row.day,
      working: row.working,
      name: row.name,
      updated_by: row.by,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['centre_id', 'day'])
        .doUpdateSet({ working: row.working, name: row.name, updated_by: row.by, updated_at: row.at }),
    )
    .execute();
}

export async function deleteCalendarOverride(db: Executor, centreId: string, day: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_overrides').where('centre_id', '=', centreId).where('day', '=', day).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Removes a centre's overrides dated in any of these years (before a corrected notice is entered). */
export async function deleteCalendarOverridesInYears(db: Executor, centreId: string, years: readonly number[]) {
  if (years.length === 0) return 0;
  const r = await db
    .deleteFrom('calendar_overrides')
    .where('centre_id', '=', centreId)
    .where((eb) => eb.or(years.map((y) => eb.between('day', `${y}-01-01`, `${y}-12-31`))))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
