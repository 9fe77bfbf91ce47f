import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { TimelimitPoliciesTable } from './timelimits.table.js';
import type { EscalationSettings } from './default-policies.js';

export async function listActivePolicies(db: Executor, centreId: string) {
  return db
    .selectFrom('timelimit_policies')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .orderBy('stage')
    .orderBy('updated_at')
    .execute();
}

export async function insertPolicy(db: Executor, row: Insertable<TimelimitPoliciesTable>) {
  return db.insertInto('timelimit_policies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePolicy(
  db: Executor,
  centreId: string,
  id: string,
  patch: { amount: number; unit: TimelimitPoliciesTable['unit']; note: string | null; by: string | null; at: Date },
) {
  return db
    .updateTable('timelimit_policies')
    .set({ amount: patch.amount, unit: patch.unit, note: patch.note, updated_by: patch.by, updated_at: patch.at })
    .where('id', '=', id)
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .returningAll()
    .executeTakeFirst();
}

export async function deactivatePolicy(db: Executor, centreId: string, id: string, by: string | null, at: Date) {
  const r = await db
    .updateTable('timelimit_policies')
    .set({ active: false, updated_by: by, updated_at: at })
    .where('id', '=', id)
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The category and its ancestors, nearest first (categories.path is "/root/…/leaf/"). */
export async function categoryChain(db: Executor, categoryId: string | null): Promise<string[]> {
  if (!categoryId) return [];
  const row = await db.selectFrom('categories').select('path').where('id', '=', categoryId).executeTakeFirst();
  return categoryChainOf(categoryId, row?.path ?? null);
}

/** The same chain from a path the caller already read. */
export function categoryChainOf(categoryId: string | null, path: string | null): string[] {
  if (!categoryId) return [];
  if (path === null) return [categoryId];
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .reverse();
}

/** The centre's settings version (bumped by triggers on calendar / policy / settings changes). */
export async function findCentreSettingsVersion(db: Executor, centreId: string): Promise<number | undefined> {
  const row = await db.selectFrom('centres').select('settings_version').where('id', '=', centreId).executeTakeFirst();
  return row === undefined ? undefined : Number(row.settings_version);
}

export async function findEscalationSettings(db: Executor, centreId: string): Promise<EscalationSettings | undefined> {
  const row = await db.selectFrom('timelimit_settings').selectAll().where('centre_id', '=', centreId).executeTakeFirst();
  if (!row) return undefined;
  return {
    yellowShare: Number(row.yellow_share),
    urgeShare: Number(row.urge_share),
    superviseAfterWorkingDays: row.supervise_after_working_days,
    supervisionDueWorkingDays: row.supervision_due_working_days,
    assistWorkingDays: row.assist_working_days,
    progressWorkingDays: row.progress_working_days,
  };
}

export async function upsertEscalationSettings(
  db: Executor,
  centreId: string,
  s: EscalationSettings,
  by: string | null,
  at: Date,
) {
  const values = {
    yellow_share: s.yellowShare,
    urge_share: s.urgeShare,
    supervise_after_working_days: s.superviseAfterWorkingDays,
    supervision_due_working_days: s.supervisionDueWorkingDays,
    assist_working_days: s.assistWorkingDays,
    progress_working_days: s.progressWorkingDays,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('timelimit_settings')
    .values({ centre_id: centreId, ...values })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet(values))
    .execute();
}
