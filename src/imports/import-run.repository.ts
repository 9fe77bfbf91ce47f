import type { Executor } from '../db/database.js';
import type { ImportMapping } from '../contract/imports.js';
import type { ImportRun } from './import.table.js';

export type ImportRunRow = ImportRun;

/** The run of this file with this mapping, if one was started before (the checkpoint to resume from). */
export async function findImportRun(db: Executor, key: { centreId: string; fileSha256: string; mappingSha256: string }) {
  return db
    .selectFrom('import_runs')
    .selectAll()
    .where('centre_id', '=', key.centreId)
    .where('kind', '=', 'orders')
    .where('file_sha256', '=', key.fileSha256)
    .where('mapping_sha256', '=', key.mappingSha256)
    .executeTakeFirst();
}

export async function insertImportRun(
  db: Executor,
  run: {
    centreId: string;
    fileName: string;
    fileSha256: string;
    mappingSha256: string;
    mapping: ImportMapping;
    totalRows: number;
    startedBy: string | null;
    at: Date;
  },
) {
  return db
    .insertInto('import_runs')
    .values({
      centre_id: run.centreId,
      file_name: run.fileName,
      file_sha256: run.fileSha256,
      mapping_sha256: run.mappingSha256,
      mapping: JSON.stringify(run.mapping),
      total_rows: run.totalRows,
      started_by: run.startedBy,
      started_at: run.at,
      updated_at: run.at,
    })
    .onConflict((oc) => oc.columns(['centre_id', 'kind', 'file_sha256', 'mapping_sha256']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Locks the run's row for one batch: two processes importing the same file take turns per batch. */
export async function lockImportRun(db: Executor, id: string) {
  return db.selectFrom('import_runs').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** Moves the checkpoint after a batch, in the batch's transaction. */
export async function advanceImportRun(
  db: Executor,
  id: string,
  step: { rowsDone: number; imported: number; skipped: number; at: Date; done: boolean },
) {
  await db
    .updateTable('import_runs')
    .set((eb) => ({
      rows_done: step.rowsDone,
      imported: eb('imported', '+', step.imported),
      skipped: eb('skipped', '+', step.skipped),
      updated_at: step.at,
      ...(step.done ? { state: 'done' as const, finished_at: step.at } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** A failed run started again: running once more from its checkpoint. */
export async function reopenImportRun(db: Executor, id: string, at: Date) {
  await db
    .updateTable('import_runs')
    .set({ state: 'running', failure: null, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .execute();
}

/** A batch failed (its transaction rolled back): the run says so; its checkpoint is the last committed batch. */
export async function failImportRun(db: Executor, id: string, failure: string, at: Date) {
  await db
    .updateTable('import_runs')
    .set({ state: 'failed', failure, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function listImportRuns(db: Executor, centreId: string, limit = 20, id?: string) {
  let q = db
    .selectFrom('import_runs')
    .leftJoin('users', 'users.id', 'import_runs.started_by')
    .select([
      'import_runs.id',
      'import_runs.file_name',
      'import_runs.total_rows',
      'import_runs.rows_done',
      'import_runs.imported',
      'import_runs.skipped',
      'import_runs.state',
      'import_runs.started_at',
      'import_runs.finished_at',
      'import_runs.failure',
      'users.display_name as started_by_name',
    ])
    .where('import_runs.centre_id', '=', centreId);
  if (id) q = q.where('import_runs.id', '=', id);
  return q.orderBy('import_runs.started_at', 'desc').orderBy('import_runs.id').limit(limit).execute();
}

/** The run behind an imported order (the order page's 已导入 mark). */
export async function findImportRunOrigin(db: Executor, id: string) {
  return db.selectFrom('import_runs').select(['id', 'file_name', 'started_at']).where('id', '=', id).executeTakeFirst();
}
