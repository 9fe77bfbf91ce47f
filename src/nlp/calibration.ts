import { stratifiedFolds } from './cross-validation.js';
import { classificationMetrics } from './metrics.js';
import { probabilities, scoreAppeal, trainClassifier, type ClassifierOptions, type LabelledAppeal } from './text-classifier.js';

/** Mean negative log-likelihood of the true labels under softmax(margins × temperature). */
function negativeLogLikelihood(scores: Float64Array[], truth: number[], temperature: number): number {
  let sum = 0;
  scores.forEach((s, i) => {
    const p = probabilities(s, temperature)[truth[i]!]!;
    sum -= Math.log(Math.max(p, 1e-12));
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
  accuracy: number;
  macro_f1: number;
  folds: number;
}

/**
 * k-fold over the training rows: every row is scored by a model that did not see it. Those margins
 * fit the temperature, and the same predictions give honest accuracy and macro-F1 for the record.
 */
export function fitOnHeldOut(rows: readonly LabelledAppeal[], options: ClassifierOptions, k = 3): HeldOutFit {
  const folds = stratifiedFolds(
    rows.map((r) => r.label),
    k,
  ).filter((f) => f.length > 0);
  const scores: Float64Array[] = [];
  const truth: number[] = [];
  const truthLabels: string[] = [];
  const predicted: string[] = [];
  for (const test of folds) {
    const inTest = new Set(test);
    const train = rows.filter((_, i) => !inTest.has(i));
    if (new Set(train.map((r) => r.label)).size < 2) continue;
    const model = trainClassifier(train, options);
    for (const i of test) {
      const row = rows[i]!;
      const s = scoreAppeal(model, row);
      let best = 0;
      for (let j = 1; j < s.length; j++) if (s[j]! > s[best]!) best = j;
      predicted.push(model.labels[best]!);
      truthLabels.push(row.label);
      const t = model.labels.indexOf(row.label);
      if (t < 0) continue; // a label this fold never saw teaches the temperature nothing
      scores.push(s);
      truth.push(t);
    }
  }
  const m = classificationMetrics(truthLabels, predicted);
  return { temperature: fitTemperature(scores, truth), accuracy: m.accuracy, macro_f1: m.macro_f1, folds: folds.length };
}
