import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { MergedLine, MergedLinesTable, ServiceWindow, ServiceWindowsTable } from './channels.table.js';

// ---- 办不成事 windows ------------------------------------------------------------------------------

export function listServiceWindows(db: Executor, centreId: string): Promise<ServiceWindow[]> {
  return db
    .selectFrom('service_windows')
    .selectAll()
    .where('centre_id', '=', centreId)
    .orderBy('level')
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

export function findServiceWindow(db: Executor, centreId: string, id: string): Promise<ServiceWindow | undefined> {
  return db.selectFrom('service_windows').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export function insertServiceWindows(db: Executor, rows: Insertable<ServiceWindowsTable>[]): Promise<ServiceWindow[]> {
  return db.insertInto('service_windows').values(rows).returningAll().execute();
}

export function updateServiceWindow(
  db: Executor,
  centreId: string,
  id: string,
  set: Updateable<ServiceWindowsTable>,
): Promise<ServiceWindow | undefined> {
  return db
    .updateTable('service_windows')
    .set(set)
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

// ---- merged hotlines -------------------------------------------------------------------------------

export function listMergedLines(db: Executor, centreId: string): Promise<MergedLine[]> {
  return db.selectFrom('merged_lines').selectAll().where('centre_id', '=', centreId).orderBy('number').execute();
}

/** The register's numbers, for the intake's check of a dialled number. */
export async function mergedLineNumbers(db: Executor, centreId: string): Promise<string[]> {
  const rows = await db.selectFrom('merged_lines').select('number').where('centre_id', '=', centreId).execute();
  return rows.map((r) => r.number);
}

export function insertMergedLines(db: Executor, rows: Insertable<MergedLinesTable>[]): Promise<MergedLine[]> {
  return db.insertInto('merged_lines').values(rows).returningAll().execute();
}

export function updateMergedLine(
  db: Executor,
  centreId: string,
  id: string,
  set: Updateable<MergedLinesTable>,
): Promise<MergedLine | undefined> {
  return db
    .updateTable('merged_lines')
    .set(set)
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

// ---- the retirement criterion ----------------------------------------------------------------------

export interface CriterionRow {
  retire_max_calls: number;
  retire_max_share: number;
  retire_months: number;
}

export async function readCriterion(db: Executor, centreId: string): Promise<CriterionRow | undefined> {
  return db
    .selectFrom('merged_line_settings')
    .select(['retire_max_calls', 'retire_max_share', 'retire_months'])
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
}

export async function saveCriterion(db: Executor, centreId: string, c: CriterionRow, at: Date): Promise<void> {
  await db
    .insertInto('merged_line_settings')
    .values({ centre_id: centreId, ...c, updated_at: at })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet({ ...c, updated_at: at }))
    .execute();
}
