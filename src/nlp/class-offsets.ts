import { stratifiedFolds } from './cross-validation.js';
import { margins, trainLinearSvm, type SvmOptions } from './linear-svm.js';
import type { SparseVector } from './tfidf.js';

/**
 * Held-out margins of every training row: k-fold over the rows, each fold scored by an SVM trained
 * on the others. The vectors share the vocabulary and idf fitted on all rows (unsupervised, so the
 * held-out rows' labels never reach their own scores); only the SVM is refitted per fold.
 */
export function heldOutMargins(
  xs: readonly SparseVector[],
  ys: Int32Array,
  classCount: number,
  dim: number,
  svm: SvmOptions,
  k: number,
): Float64Array[] {
  const out: Float64Array[] = xs.map(() => new Float64Array(classCount));
  const folds = stratifiedFolds(Array.from(ys, String), k).filter((f) => f.length > 0);
  for (const test of folds) {
    const inTest = new Uint8Array(xs.length);
    for (const i of test) inTest[i] = 1;
    const trainIdx = xs.map((_, i) => i).filter((i) => !inTest[i]);
    const model = trainLinearSvm(
      trainIdx.map((i) => xs[i]!),
      Int32Array.from(trainIdx, (i) => ys[i]!),
      classCount,
      dim,
      svm,
    );
    for (const i of test) out[i] = margins(model, xs[i]!);
  }
  return out;
}

function macroF1(scores: readonly Float64Array[], truth: Int32Array, offsets: Float64Array): number {
  const K = offsets.length;
  const tp = new Float64Array(K);
  const fp = new Float64Array(K);
  const fn = new Float64Array(K);
  scores.forEach((s, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (s[k]! + offsets[k]! > s[best]! + offsets[best]!) best = k;
    const t = truth[i]!;
    if (best === t) tp[t]! += 1;
    else {
      fp[best]! += 1;
      fn[t]! += 1;
    }
  });
  let sum = 0;
  let present = 0;
  for (let k = 0; k < K; k++) {
    if (tp[k]! + fp[k]! + fn[k]! === 0) continue;
    sum += (2 * tp[k]!) / (2 * tp[k]! + fp[k]! + fn[k]!);
    present += 1;
  }
  return present ? sum / present : 0;
}

export const OFFSET_STEP = 0.05;
export const OFFSET_RANGE = 0.5;

/**
 * Per-class offsets added to the margins so that the arg-max maximises macro-F1 on held-out margins:
 * coordinate ascent, each class's offset tried on a grid of ±0.5 in steps of 0.05, three sweeps.
 * One-vs-rest margins favour the large classes at the boundary; a small lift for a small class
 * trades a few of its false negatives for fewer false positives elsewhere. A move must gain more
 * than one row's worth of F1 noise (1e-4), else the offset stays where it is (0 at first).
 */
export function fitMacroF1Offsets(scores: readonly Float64Array[], truth: Int32Array, classCount: number): Float64Array {
  const offsets = new Float64Array(classCount);
  if (scores.length === 0) return offsets;
  let best = macroF1(scores, truth, offsets);
  for (let sweep = 0; sweep < 3; sweep++) {
    let moved = false;
    for (let k = 0; k < classCount; k++) {
      const start = offsets[k]!;
      let bestValue = start;
      for (let d = -OFFSET_RANGE; d <= OFFSET_RANGE + 1e-9; d += OFFSET_STEP) {
        offsets[k] = Math.round(d * 100) / 100;
        const f = macroF1(scores, truth, offsets);
        if (f > best + 1e-4) {
          best = f;
          bestValue = offsets[k]!;
        }
      }
      offsets[k] = bestValue;
      if (bestValue !== start) moved = true;
    }
    if (!moved) break;
  }
  return offsets;
}
