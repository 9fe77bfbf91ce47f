import { classificationMetrics } from './metrics.js';
import {
  probabilities,
  trainClassifierWithHeldOut,
  type ClassifierOptions,
  type LabelledAppeal,
  type TextClassifier,
} from './text-classifier.js';

/**
 * Share of each label's probability mass spread over the other labels when fitting the temperature
 * (label smoothing). Without it, held-out margins that happen to be all correct (a small or very
 * regular history, such as the demo's) drive the temperature to its bound and every suggestion to
 * "100 %": a few hundred rows cannot prove certainty, so the confidence stays below 1 − SMOOTHING.
 */
export const LABEL_SMOOTHING = 0.01;

/** Mean cross-entropy of the smoothed true labels under softmax(margins × temperature). */
function negativeLogLikelihood(scores: Float64Array[], truth: number[], temperature: number): number {
  let sum = 0;
  scores.forEach((s, i) => {
    const p = probabilities(s, temperature);
    const other = LABEL_SMOOTHING / Math.max(1, p.length - 1);
    for (let k = 0; k < p.length; k++) {
      const target = k === truth[i] ? 1 - LABEL_SMOOTHING : other;
      sum -= target * Math.log(Math.max(p[k]!, 1e-12));
    }
  });
  return sum / Math.max(1, scores.length);
}

/**
 * The temperature that makes softmax(margin × T) honest on held-out margins (temperature scaling,
 * Guo et al. 2017). The NLL is convex in T, so a golden-section search over log T is enough.
 */
export function fitTemperature(scores: Float64Array[], truth: number[]): number {
  if (scores.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(100);
  const phi = (Math.sqrt(5) - 1) / 2;
  const f = (logT: number) => negativeLogLikelihood(scores, truth, Math.exp(logT));
  for (let it = 0; it < 40; it++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (f(a) < f(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

export interface HeldOutFit {
  temperature: number;
  /** Held-out figures of the plain margins (before the per-class offsets): honest. */
  accuracy: number;
  macro_f1: number;
  /** The same with the offsets, which were fitted on these margins: slightly optimistic. */
  macro_f1_with_offsets: number;
  folds: number;
}

/**
 * Trains the classifier and calibrates it in one go: k-fold over the training rows (sharing the
 * vocabulary; only the SVM is refitted per fold) gives every row's margins from a model that did
 * not see it. Those margins fit the per-class offsets (when `options.offsetFolds` asks for them) and
 * the temperature, and give the held-out accuracy and macro-F1 stored with the model.
 */
export function trainCalibrated(
  rows: readonly LabelledAppeal[],
  options: ClassifierOptions,
  k = 3,
): { classifier: TextClassifier; heldOut: HeldOutFit } {
  const folds = options.offsetFolds && options.offsetFolds >= 2 ? options.offsetFolds : k;
  const { classifier, heldOut } = trainClassifierWithHeldOut(rows, options, 1, folds);
  if (!heldOut) {
    return { classifier, heldOut: { temperature: 1, accuracy: 0, macro_f1: 0, macro_f1_with_offsets: 0, folds: 0 } };
  }
  const truth = Array.from(heldOut.truth, (t) => classifier.labels[t]!);
  const argmax = (s: Float64Array, off?: Float64Array) => {
    let best = 0;
    for (let j = 1; j < s.length; j++) if (s[j]! + (off?.[j] ?? 0) > s[best]! + (off?.[best] ?? 0)) best = j;
    return classifier.labels[best]!;
  };
  const plain = classificationMetrics(
    truth,
    heldOut.margins.map((s) => argmax(s)),
  );
  const lifted = classificationMetrics(
    truth,
    heldOut.margins.map((s) => argmax(s, heldOut.offsets)),
  );
  const shifted = heldOut.margins.map((s) => s.map((v, j) => v + heldOut.offsets[j]!));
  classifier.temperature = fitTemperature(shifted, Array.from(heldOut.truth));
  return {
    classifier,
    heldOut: {
      temperature: classifier.temperature,
      accuracy: plain.accuracy,
      macro_f1: plain.macro_f1,
      macro_f1_with_offsets: lifted.macro_f1,
      folds,
    },
  };
}
