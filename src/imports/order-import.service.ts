import { createHash } from 'node:crypto';
import {
  PROBLEMS_SHOWN,
  type ImportMapping,
  type ImportPreviewView,
  type ImportProblem,
  type ImportReportView,
  type ImportRunView,
} from '../contract/imports.js';
import { listCategories, listRegions } from '../org/catalog.repository.js';
import { findCentre, listUnits } from '../org/unit.repository.js';
import { findOrderNumbers } from '../orders/order-import.repository.js';
import type { Deps } from '../shared/deps.js';
import { DomainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { centreTimeZone } from '../shared/time-zone.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { openImportFile, type ImportSource } from './import-file.js';
import { columnIndexOf, convertRow, indexRefs, type ImportRecord, type ImportRefs, type RefEntry } from './import-row.js';
import {
  failImportRun,
  findImportRun,
  insertImportRun,
  listImportRuns,
  reopenImportRun,
  type ImportRunRow,
} from './import-run.repository.js';
import { writeImportBatches, type BatchOptions } from './order-import.write.js';

export { DEFAULT_BATCH_SIZE } from './order-import.write.js';
const PREVIEW_ROWS = 10;

export interface ImportInput extends BatchOptions {
  fileName: string;
  bytes: Uint8Array;
  mapping: ImportMapping;
  dryRun: boolean;
  /** Called after the check of every 1,000 rows and after each committed batch. */
  onProgress?: (p: { phase: 'check' | 'import'; done: number; total: number }) => void;
  /** The console's answer lists at most PROBLEMS_SHOWN problems; the CLI lists every one. */
  allProblems?: boolean;
}

function authorize(actor: Actor) {
  if (!can(actor, 'order.import')) throw forbidden();
}

/** The columns and first rows of an uploaded file, for the mapping editor. */
export async function previewImportFile(
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; sheet?: string },
): Promise<ImportPreviewView> {
  authorize(actor);
  const source = await openImportFile(input.fileName, input.bytes, input.sheet);
  const rows: string[][] = [];
  for await (const r of source.rows()) {
    rows.push(
      source.columns.map((_, i) => {
        const c = r.cells[i] ?? null;
        return c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 19).replace('T', ' ') : c;
      }),
    );
    if (rows.length >= PREVIEW_ROWS) break;
  }
  return { fileName: input.fileName, sheets: source.sheets, columns: source.columns, rows, totalRows: source.totalRows };
}

/** The centre's categories (with their name paths and aliases), regions and units, for the look-ups. */
async function loadRefs(deps: Deps, centreId: string): Promise<ImportRefs> {
  const centre = await findCentre(deps.db, centreId);
  if (!centre) throw notFound('unit');
  const [categories, regions, units] = await Promise.all([
    listCategories(deps.db, centreId),
    listRegions(deps.db, centreId),
    listUnits(deps.db, centreId),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const namePath = (id: string | null): string => {
    const c = id ? byId.get(id) : undefined;
    if (!c) return '';
    const up = namePath(c.parent_id);
    return up ? `${up}/${c.name}` : c.name;
  };
  const catEntries: RefEntry[] = categories.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    path: namePath(c.id),
    aliases: c.aliases,
  }));
  return {
    categories: indexRefs(catEntries),
    regions: indexRefs(regions.map((r) => ({ id: r.id, code: r.code, name: r.name }))),
    units: indexRefs(units.filter((u) => u.active).map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind }))),
    timeZone: centreTimeZone(centre.timezone),
    now: deps.clock.now(),
  };
}

interface Checked {
  source: ImportSource;
  records: ImportRecord[];
  problems: ImportProblem[];
  badRows: number;
  /** Original numbers an earlier import already brought (skipped by a real run). */
  alreadyImported: Set<string>;
}

/** The whole file checked row by row (the dry run; a real run starts only when no row is bad). */
async function checkFile(deps: Deps, centreId: string, input: ImportInput): Promise<Checked> {
  const source = await openImportFile(input.fileName, input.bytes, input.mapping.sheet);
  const { index, missing } = columnIndexOf(source.columns, input.mapping);
  if (missing.length > 0) throw invalidField('mapping.columns', missing.join(', '));
  const refs = await loadRefs(deps, centreId);
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  const badRowNumbers = new Set<number>();
  const firstRowOf = new Map<string, number>();
  let seen = 0;
  for await (const raw of source.rows()) {
    const out = convertRow(raw, index, input.mapping, refs);
    if (out.problems) {
      problems.push(...out.problems);
      badRowNumbers.add(raw.row);
    } else if (firstRowOf.has(out.record.originalNo)) {
      problems.push({ row: raw.row, field: 'originalNo', reason: 'duplicate_in_file', value: out.record.originalNo });
      badRowNumbers.add(raw.row);
    } else {
      firstRowOf.set(out.record.originalNo, raw.row);
      records.push(out.record);
    }
    if (++seen % 1000 === 0) input.onProgress?.({ phase: 'check', done: seen, total: source.totalRows });
  }
  input.onProgress?.({ phase: 'check', done: seen, total: source.totalRows });
  // Numbers the centre already has: an earlier import's are skipped; lianxin's own are a clash.
  const alreadyImported = new Set<string>();
  const taken = new Set<string>();
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records.slice(i, i + 1000).map((r) => r.originalNo);
    for (const o of await findOrderNumbers(deps.db, centreId, chunk)) {
      (o.import_run_id ? alreadyImported : taken).add(o.order_no);
    }
  }
  const good: ImportRecord[] = [];
  for (const r of records) {
    if (taken.has(r.originalNo)) {
      problems.push({ row: r.row, field: 'originalNo', reason: 'number_taken', value: r.originalNo });
      badRowNumbers.add(r.row);
    } else good.push(r);
  }
  problems.sort((a, b) => a.row - b.row);
  return { source, records: good, problems, badRows: badRowNumbers.size, alreadyImported };
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A key of the same mapping however its keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A checked file and, for a real run with no bad row, its run row (made now, or found to resume). */
interface PreparedImport {
  report: ImportReportView<Date>;
  records: readonly ImportRecord[];
  run: ImportRunRow | null;
}

/**
 * Checks every row; a dry run (or any bad row) ends here with the problems. Otherwise the run of this
 * file and mapping is made, or found: a failed one is running again from its checkpoint.
 */
async function prepareImport(deps: Deps, actor: Actor, input: ImportInput): Promise<PreparedImport> {
  const centreId = actor.centreId;
  const checked = await checkFile(deps, centreId, input);
  const shown = input.allProblems ? checked.problems : checked.problems.slice(0, PROBLEMS_SHOWN);
  const report: ImportReportView<Date> = {
    dryRun: input.dryRun,
    totalRows: checked.source.totalRows,
    goodRows: checked.source.totalRows - checked.badRows,
    badRows: checked.badRows,
    problems: shown,
    moreProblems: checked.problems.length - shown.length,
    imported: 0,
    skipped: 0,
    runId: null,
    resumedFromRow: 0,
    finishedAt: null,
  };
  if (input.dryRun || checked.badRows > 0) return { report, records: checked.records, run: null };
  const key = { centreId, fileSha256: sha256(input.bytes), mappingSha256: sha256(canonical(input.mapping)) };
  const run =
    (await insertImportRun(deps.db, {
      ...key,
      fileName: input.fileName,
      mapping: input.mapping,
      totalRows: checked.source.totalRows,
      startedBy: actor.userId,
      at: deps.clock.now(),
    })) ?? (await findImportRun(deps.db, key));
  if (!run) throw notFound('unit');
  if (run.state === 'failed') await reopenImportRun(deps.db, run.id, deps.clock.now());
  report.runId = run.id;
  report.resumedFromRow = run.state === 'done' ? 0 : run.rows_done;
  return { report, records: checked.records, run: run.state === 'failed' ? { ...run, state: 'running' } : run };
}

/**
 * `lianxin import orders` and the console's import (ADR 0183): checks every row; a dry run answers
 * the bad rows; a real run (only when no row is bad) writes committed batches, each with its
 * checkpoint in import_runs, so a broken run resumes after its last batch and a repeated run of the
 * same file and mapping writes nothing twice (an order already imported is skipped by its number).
 */
export async function importOrders(deps: Deps, actor: Actor, input: ImportInput): Promise<ImportReportView<Date>> {
  authorize(actor);
  const { report, records, run } = await prepareImport(deps, actor, input);
  if (!run) return report;
  return writeImportBatches(deps, { centreId: actor.centreId, userId: actor.userId, run, records }, report, input);
}

/** What a failed run says on the console: the domain's words, or a plain "write failed" (the log has the rest). */
const failureOf = (error: unknown) =>
  error instanceof DomainError
    ? error.message
    : '写入失败，请重新开始导入（将从断点继续） / writing failed; start the import again to resume';

/**
 * The console's real run (ADR 0183 amendment): the whole file is checked before this answers (a bad
 * row answers at once and starts nothing); the batches are then written after the answer, in
 * `work`, while the console polls the run (GET /api/import/runs/:id). A batch that fails marks the
 * run failed with the reason; the same file and mapping started again resume after the last batch.
 */
export async function startImportRun(
  deps: Deps,
  actor: Actor,
  input: ImportInput,
): Promise<{ report: ImportReportView<Date>; run: ImportRunView<Date> | null; work: Promise<unknown> }> {
  authorize(actor);
  const { report, records, run } = await prepareImport(deps, actor, { ...input, dryRun: false });
  if (!run) return { report, run: null, work: Promise.resolve() };
  const work = writeImportBatches(deps, { centreId: actor.centreId, userId: actor.userId, run, records }, report, input).catch(
    async (error: unknown) => {
      await failImportRun(deps.db, run.id, failureOf(error).slice(0, 500), deps.clock.now());
      throw error;
    },
  );
  return { report, run: await getImportRunFor(deps, actor, run.id), work };
}

const presentRun = (r: Awaited<ReturnType<typeof listImportRuns>>[number]): ImportRunView<Date> => ({
  id: r.id,
  fileName: r.file_name,
  totalRows: r.total_rows,
  rowsDone: r.rows_done,
  imported: r.imported,
  skipped: r.skipped,
  state: r.state,
  failure: r.failure,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  startedByName: r.started_by_name,
});

/** The centre's latest import runs, for the console's list. */
export async function listImportRunsFor(deps: Deps, actor: Actor): Promise<ImportRunView<Date>[]> {
  authorize(actor);
  return (await listImportRuns(deps.db, actor.centreId)).map(presentRun);
}

/** One run of the centre (the console polls it while its batches are written); another centre's is 404. */
export async function getImportRunFor(deps: Deps, actor: Actor, id: string): Promise<ImportRunView<Date>> {
  authorize(actor);
  const [row] = await listImportRuns(deps.db, actor.centreId, 1, id);
  if (!row) throw notFound('importRun');
  return presentRun(row);
}
