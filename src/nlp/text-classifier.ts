import { fitMacroF1Offsets, heldOutMargins } from './class-offsets.js';
import { defaultSvmOptions, margins, trainLinearSvm, type LinearModel, type SvmOptions } from './linear-svm.js';
import { defaultFeatureOptions, extractTermCounts, type AppealText, type FeatureOptions } from './text-features.js';
import { fitTfidf, vectorize, type TfidfOptions, type TfidfVocabulary } from './tfidf.js';

/** Everything that shapes a model; the defaults are the ones chosen by 5-fold CV (see ADR 0050). */
export interface ClassifierOptions {
  features: FeatureOptions;
  tfidf: TfidfOptions;
  svm: SvmOptions;
  /**
   * Folds of the inner split whose held-out margins fit per-class offsets for macro-F1 (folded into
   * the stored biases); 0 or absent = none. Costs that many extra SVM fits at training time only.
   */
  offsetFolds?: number;
}

export const defaultClassifierOptions: ClassifierOptions = {
  features: defaultFeatureOptions,
  tfidf: { minDf: 5, familyWeights: { w: 1, c: 1, t: 0.5, r: 0.5 } },
  svm: defaultSvmOptions,
  offsetFolds: 3,
};

/** Below this many rows one held-out row moves macro-F1 by points: offsets would fit noise. */
export const MIN_ROWS_FOR_OFFSETS = 100;

/** A trained classifier: labels, vocabulary, one-vs-rest weights and the softmax temperature. */
export interface TextClassifier {
  labels: string[];
  options: ClassifierOptions;
  vocab: TfidfVocabulary;
  model: LinearModel;
  /** Margins × temperature → softmax gives calibrated probabilities (fitted on held-out margins). */
  temperature: number;
}

export interface LabelledAppeal extends AppealText {
  label: string;
}

export interface RankedLabel {
  label: string;
  margin: number;
  probability: number;
}

/** Held-out margins of the training rows (each from a fold model that did not see the row). */
export interface HeldOutMargins {
  /** Margins before the offsets, in `labels` order. */
  margins: Float64Array[];
  truth: Int32Array;
  /** The per-class offsets fitted on them (zeros when none were fitted); already in the biases. */
  offsets: Float64Array;
}

/**
 * Trains on labelled appeals; labels are sorted so the same data gives the same model. With
 * `heldOutFolds` ≥ 2 (or `options.offsetFolds`), also returns every row's held-out margins.
 */
export function trainClassifierWithHeldOut(
  rows: readonly LabelledAppeal[],
  options: ClassifierOptions = defaultClassifierOptions,
  temperature = 1,
  heldOutFolds = options.offsetFolds ?? 0,
): { classifier: TextClassifier; heldOut: HeldOutMargins | null } {
  const labels = [...new Set(rows.map((r) => r.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = rows.map((r) => extractTermCounts(r, options.features));
  const vocab = fitTfidf(counts, options.tfidf);
  const xs = counts.map((c) => vectorize(vocab, c));
  const ys = Int32Array.from(rows, (r) => labelIndex.get(r.label)!);
  const model = trainLinearSvm(xs, ys, labels.length, vocab.keys.length, options.svm);
  const classifier: TextClassifier = { labels, options, vocab, model, temperature };
  if (heldOutFolds < 2 || labels.length < 2 || rows.length < heldOutFolds) return { classifier, heldOut: null };
  const held = heldOutMargins(xs, ys, labels.length, vocab.keys.length, options.svm, heldOutFolds);
  const fitOffsets = (options.offsetFolds ?? 0) >= 2 && rows.length >= MIN_ROWS_FOR_OFFSETS;
  const offsets = fitOffsets ? fitMacroF1Offsets(held, ys, labels.length) : new Float64Array(labels.length);
  for (let k = 0; k < labels.length; k++) model.bias[k]! += offsets[k]!;
  return { classifier, heldOut: { margins: held, truth: ys, offsets } };
}

/** Trains on labelled appeals (see trainClassifierWithHeldOut). */
export function trainClassifier(
  rows: readonly LabelledAppeal[],
  options: ClassifierOptions = defaultClassifierOptions,
  temperature = 1,
): TextClassifier {
  return trainClassifierWithHeldOut(rows, options, temperature).classifier;
}

/** Margins of every label for one appeal, in `labels` order. */
export function scoreAppeal(classifier: TextClassifier, doc: AppealText): Float64Array {
  const x = vectorize(classifier.vocab, extractTermCounts(doc, classifier.options.features));
  return margins(classifier.model, x);
}

/** Softmax of temperature-scaled margins. */
export function probabilities(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    out[k] = Math.exp((scores[k]! - max) * temperature);
    sum += out[k]!;
  }
  for (let k = 0; k < out.length; k++) out[k]! /= sum;
  return out;
}

/** The best `top` labels with margins and calibrated probabilities, best first. */
export function rankLabels(classifier: TextClassifier, doc: AppealText, top = 3): RankedLabel[] {
  const scores = scoreAppeal(classifier, doc);
  const probs = probabilities(scores, classifier.temperature);
  return classifier.labels
    .map((label, k) => ({ label, margin: scores[k]!, probability: probs[k]! }))
    .sort((a, b) => b.margin - a.margin)
    .slice(0, top);
}

export function predictLabel(classifier: TextClassifier, doc: AppealText): string {
  const scores = scoreAppeal(classifier, doc);
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return classifier.labels[best]!;
}
