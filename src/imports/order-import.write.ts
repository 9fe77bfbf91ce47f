import type { InsertObject } from 'kysely';
import type { ImportReportView } from '../contract/imports.js';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/schema.js';
import {
  findOrderNumbers,
  insertImportedAssignments,
  insertImportedEvents,
  insertImportedOrders,
  insertImportedVisits,
  raiseOrderNumberCounters,
} from '../orders/order-import.repository.js';
import { newQueryCode } from '../orders/order-number.js';
import { newOrderSearchVector } from '../search/search.service.js';
import type { Deps } from '../shared/deps.js';
import type { ImportRecord } from './import-row.js';
import { advanceImportRun, lockImportRun, type ImportRunRow } from './import-run.repository.js';
import { finalColumns, importedTimeline } from './order-import.history.js';

export const DEFAULT_BATCH_SIZE = 200;

/** How the batches of one run are written (ADR 0183): sizes, progress, and when to stop early. */
export interface BatchOptions {
  batchSize?: number;
  onProgress?: (p: { phase: 'check' | 'import'; done: number; total: number }) => void;
  /** Stop after this many committed batches (tests of resuming; a CLI interrupted). */
  maxBatches?: number;
  /** Asked before each batch: the server shutting down stops between batches (the run resumes later). */
  shouldStop?: () => boolean;
}

/**
 * Writes the good rows of a checked file in committed batches, each with the run's checkpoint in its
 * transaction: the run row is locked and re-read, numbers already present are skipped, so two
 * processes on one run take turns and a resumed run never writes a row twice. Adds to `report`.
 */
export async function writeImportBatches(
  deps: Deps,
  ctx: { centreId: string; userId: string | null; run: ImportRunRow; records: readonly ImportRecord[] },
  report: ImportReportView<Date>,
  opts: BatchOptions,
): Promise<ImportReportView<Date>> {
  const { centreId, run, records } = ctx;
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const todo = records.filter((r) => r.row > run.rows_done);
  const lastRow = records.at(-1)?.row ?? 0;
  let batches = 0;
  for (let i = 0; i < todo.length; i += size) {
    if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return report;
    if (opts.shouldStop?.()) return report;
    const batch = todo.slice(i, i + size);
    const done = i + size >= todo.length;
    const counts = await deps.db.transaction().execute(async (tx) => {
      const current = await lockImportRun(tx, run.id);
      const fresh = batch.filter((r) => r.row > current.rows_done);
      const existing = new Set(
        (
          await findOrderNumbers(
            tx,
            centreId,
            fresh.map((r) => r.originalNo),
          )
        ).map((o) => o.order_no),
      );
      const write = fresh.filter((r) => !existing.has(r.originalNo));
      await writeBatch(deps, tx, centreId, run.id, ctx.userId, write);
      const rowsDone = Math.max(current.rows_done, batch.at(-1)!.row);
      const skipped = fresh.length - write.length;
      await advanceImportRun(tx, run.id, {
        rowsDone: done ? Math.max(rowsDone, lastRow) : rowsDone,
        imported: write.length,
        skipped,
        at: deps.clock.now(),
        done,
      });
      return { imported: write.length, skipped };
    });
    report.imported += counts.imported;
    report.skipped += counts.skipped;
    batches++;
    opts.onProgress?.({ phase: 'import', done: Math.min(i + size, todo.length), total: todo.length });
  }
  if (todo.length === 0 && run.state !== 'done') {
    await advanceImportRun(deps.db, run.id, { rowsDone: lastRow, imported: 0, skipped: 0, at: deps.clock.now(), done: true });
  }
  if (todo.length === 0) report.skipped = records.length;
  report.finishedAt = deps.clock.now();
  return report;
}

/** lianxin's own numbering (order-number.ts): yyMMdd and the day's sequence, four digits or more. */
const LIANXIN_NUMBER = /^(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(\d{4,7})$/;

/** One batch: the orders, then their timelines, lead units and return visits, and the day counters. */
async function writeBatch(
  deps: Deps,
  tx: Executor,
  centreId: string,
  runId: string,
  userId: string | null,
  records: readonly ImportRecord[],
) {
  if (records.length === 0) return;
  const rows: InsertObject<DB, 'orders'>[] = [];
  for (const r of records) {
    rows.push({
      centre_id: centreId,
      order_no: r.originalNo,
      query_code: newQueryCode(),
      channel: r.channel,
      source_number: null,
      appeal_type: r.appealType,
      category_id: r.categoryId,
      priority: r.priority,
      title: r.title,
      content: r.content,
      caller_name: r.callerName,
      caller_phone: r.callerPhone,
      region_id: r.regionId,
      address: r.address,
      lat: null,
      lng: null,
      created_by: userId,
      accepted_at: r.createdAt,
      import_run_id: runId,
      search_vector: await newOrderSearchVector(tx, deps.clock, {
        centre_id: centreId,
        title: r.title,
        content: r.content,
      }),
      ...finalColumns(r),
    });
  }
  const inserted = await insertImportedOrders(tx, rows);
  const idOf = new Map(inserted.map((o) => [o.order_no, o]));
  const events = records.flatMap((r) => importedTimeline(idOf.get(r.originalNo)!, r, runId));
  await insertImportedEvents(tx, events);
  await insertImportedAssignments(
    tx,
    records
      .filter((r) => r.unit)
      .map((r) => ({
        orderId: idOf.get(r.originalNo)!.id,
        unitId: r.unit!.id,
        assignedAt: r.dispatchedAt ?? r.createdAt,
        signedAt: r.acceptedAt,
      })),
  );
  await insertImportedVisits(
    tx,
    records
      .filter((r) => r.satisfaction && r.finalState !== 'invalid')
      .map((r) => ({ orderId: idOf.get(r.originalNo)!.id, at: r.closedAt, satisfaction: r.satisfaction!, resolved: r.resolved })),
  );
  const days = new Map<string, number>();
  for (const r of records) {
    const m = LIANXIN_NUMBER.exec(r.originalNo);
    if (m) days.set(m[1]!, Math.max(days.get(m[1]!) ?? 0, Number(m[2])));
  }
  await raiseOrderNumberCounters(tx, centreId, days);
}
