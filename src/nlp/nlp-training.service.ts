import type { Deps } from '../shared/deps.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { listCategories } from '../org/catalog.repository.js';
import { listUnits } from '../org/unit.repository.js';
import { insertNlpModel, pruneNlpModels } from './nlp-model.repository.js';
import { trainInThread } from './nlp-train.thread.js';
import { listClosedOrdersForTraining } from './nlp-training.repository.js';
import type { NlpModelKind } from './nlp.table.js';
import { defaultClassifierOptions, type LabelledAppeal } from './text-classifier.js';
import { rollUpRareLabels } from './training-labels.js';

export interface TrainingSettings {
  /**
   * Fewer usable rows than this and the model is not trained (its previous version stays); default
   * LIANXIN_NLP_MIN_TRAINING_ROWS (deps.settings).
   */
  minRows?: number;
  /** Newest closed orders used at most (bounds time and memory). */
  maxRows?: number;
  /** Examples a label needs before it stands on its own; rarer ones roll up to their parent. */
  minPerLabel?: number;
}

export interface TrainingOutcome {
  kind: NlpModelKind;
  status: 'trained' | 'skipped';
  reason?: string;
  version?: number;
  rows: number;
  labels: number;
  heldOutAccuracy?: number;
  heldOutMacroF1?: number;
  temperature?: number;
  trainSeconds?: number;
}

const KEEP_VERSIONS = 3;

type TrainingOrder = Awaited<ReturnType<typeof listClosedOrdersForTraining>>[number];

/**
 * Trains the centre's category model and handling-unit model from its own closed orders and stores
 * each as a new version. Category = the final category of the order (rare leaves roll up to their
 * parent); unit = the lead unit at closure (orders answered directly, 直办, have none).
 */
export async function trainCentreModels(
  deps: Deps,
  centreId: string,
  options: TrainingSettings = {},
): Promise<TrainingOutcome[]> {
  const settings = { ...options, minRows: options.minRows ?? deps.settings.nlpMinTrainingRows };
  // The features are jieba words: segment with the centre's unit, region and category names loaded,
  // as intake suggestions do, so training and prediction cut the same names the same way.
  await ensureCentreDictionary(deps.db, deps.clock, centreId);
  const orders = await listClosedOrdersForTraining(deps.db, centreId, settings.maxRows ?? 50_000);
  const categoryParents = new Map((await listCategories(deps.db, centreId)).map((c) => [c.id, c.parent_id]));
  const unitParents = new Map((await listUnits(deps.db, centreId)).map((u) => [u.id, u.parent_id]));
  const minPerLabel = settings.minPerLabel ?? 5;
  const categoryRows = labelled(orders, (o) => o.category_id, categoryParents, minPerLabel);
  const unitRows = labelled(
    orders.filter((o) => !o.handled_directly),
    (o) => o.lead_unit_id,
    unitParents,
    minPerLabel,
  );
  return [
    await trainOne(deps, centreId, 'category', categoryRows, settings),
    await trainOne(deps, centreId, 'unit', unitRows, settings),
  ];
}

/** Rows labelled by `labelOf`, rare labels rolled up their tree (shared with the unit cross-validation). */
export function labelled(
  orders: TrainingOrder[],
  labelOf: (o: TrainingOrder) => string | null,
  parents: ReadonlyMap<string, string | null>,
  minPerLabel: number,
): LabelledAppeal[] {
  const usable = orders.filter((o) => labelOf(o) !== null && (o.title || o.content));
  const labels = rollUpRareLabels(
    usable.map((o) => labelOf(o)!),
    parents,
    minPerLabel,
  );
  const rows: LabelledAppeal[] = [];
  usable.forEach((o, i) => {
    const label = labels[i];
    if (label) rows.push({ title: o.title, detail: o.content, regionId: o.region_id, label });
  });
  return rows;
}

async function trainOne(
  deps: Deps,
  centreId: string,
  kind: NlpModelKind,
  rows: LabelledAppeal[],
  settings: TrainingSettings & { minRows: number },
): Promise<TrainingOutcome> {
  const labelCount = new Set(rows.map((r) => r.label)).size;
  if (rows.length < settings.minRows || labelCount < 2) {
    const reason = `${rows.length} usable closed orders with ${labelCount} labels (need ≥ ${settings.minRows} and ≥ 2)`;
    return { kind, status: 'skipped', reason, rows: rows.length, labels: labelCount };
  }
  // CPU-bound (seconds for a large centre): in a worker thread, so the event loop keeps serving.
  const { heldOut, blob, features, trainSeconds } = await trainInThread(rows, defaultClassifierOptions);
  const metrics = { heldOut, trainSeconds, features };
  const saved = await deps.db.transaction().execute(async (trx) => {
    const row = await insertNlpModel(trx, {
      centreId,
      kind,
      trainedAt: deps.clock.now(),
      trainingRows: rows.length,
      labelCount,
      metrics,
      blob: Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength),
    });
    await pruneNlpModels(trx, centreId, kind, KEEP_VERSIONS);
    return row;
  });
  return {
    kind,
    status: 'trained',
    version: saved.version,
    rows: rows.length,
    labels: labelCount,
    heldOutAccuracy: heldOut.accuracy,
    heldOutMacroF1: heldOut.macro_f1,
    temperature: heldOut.temperature,
    trainSeconds,
  };
}
