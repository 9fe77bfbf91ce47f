import { mulberry32 } from './random.js';
import { dot, squaredNorm, type SparseVector } from './tfidf.js';

export interface SvmOptions {
  /** Inverse regularisation strength (larger C = fit the training data harder). */
  c: number;
  /** Stop when the projected-gradient spread falls below this. */
  tolerance: number;
  maxEpochs: number;
  /** Weight classes inversely to their frequency, so small categories are not swallowed. */
  balanced: boolean;
  /**
   * NBSVM (Wang & Manning 2012): scale each feature, per class, by its naive-Bayes log-count ratio
   * before the SVM sees it, so class-indicative features start ahead. 0 = off; else the smoothing α.
   */
  nbAlpha: number;
  seed: number;
}

export const defaultSvmOptions: SvmOptions = { c: 0.5, tolerance: 0.1, maxEpochs: 60, balanced: true, nbAlpha: 0.1, seed: 7 };

/** One-vs-rest weights: one row per class; the bias is the weight of a constant feature of value 1. */
export interface LinearModel {
  dim: number;
  weights: Float32Array[];
  bias: Float32Array;
}

/**
 * Trains one L2-regularised squared-hinge linear SVM per class (one-vs-rest) by dual coordinate
 * descent (Hsieh et al. 2008, the LIBLINEAR default): no learning rate to tune, a few passes over
 * the data, and it converges to the exact optimum.
 */
export function trainLinearSvm(
  xs: SparseVector[],
  ys: Int32Array,
  classCount: number,
  dim: number,
  options: SvmOptions,
): LinearModel {
  const counts = new Float64Array(classCount);
  for (const y of ys) counts[y]! += 1;
  const weights: Float32Array[] = [];
  const bias = new Float32Array(classCount);
  const plain = xs.map((x) => squaredNorm(x) + 1);
  const featureSums = options.nbAlpha > 0 ? classFeatureSums(xs, ys, classCount, dim) : null;
  for (let k = 0; k < classCount; k++) {
    const scale = featureSums ? logCountRatio(featureSums, k, options.nbAlpha) : null;
    const qBase = scale ? xs.map((x) => scaledSquaredNorm(x, scale) + 1) : plain;
    const { w, b } = trainBinary(xs, ys, k, qBase, dim, classCost(options, counts, k, xs.length, classCount), scale);
    // The model scores x·(w∘r): fold the scale into the stored weights, prediction stays one dot product.
    if (scale) for (let j = 0; j < dim; j++) w[j]! *= scale[j]!;
    weights.push(Float32Array.from(w));
    bias[k] = b;
  }
  return { dim, weights, bias };
}

interface ClassCost {
  positive: number;
  negative: number;
  options: SvmOptions;
}

function classCost(options: SvmOptions, counts: Float64Array, k: number, n: number, classCount: number): ClassCost {
  // "balanced" in the multi-class sense: a class of n_k rows weighs n / (K n_k).
  const positive = options.balanced && counts[k]! > 0 ? (options.c * n) / (classCount * counts[k]!) : options.c;
  return { positive, negative: options.c, options };
}

function trainBinary(
  xs: SparseVector[],
  ys: Int32Array,
  k: number,
  qBase: number[],
  dim: number,
  cost: ClassCost,
  scale: Float64Array | null,
): { w: Float64Array; b: number } {
  const n = xs.length;
  const w = new Float64Array(dim);
  let b = 0;
  const alpha = new Float64Array(n);
  const sign = new Int8Array(n);
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sign[i] = ys[i] === k ? 1 : -1;
    diag[i] = 1 / (2 * (sign[i] === 1 ? cost.positive : cost.negative));
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(cost.options.seed + k);
  for (let epoch = 0; epoch < cost.options.maxEpochs; epoch++) {
    shuffle(order, random);
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      const x = xs[i]!;
      const y = sign[i]!;
      const g = y * ((scale ? scaledDot(w, x, scale) : dot(w, x)) + b) - 1 + diag[i]! * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const old = alpha[i]!;
      const next = Math.max(old - g / (qBase[i]! + diag[i]!), 0);
      alpha[i] = next;
      const delta = (next - old) * y;
      if (delta === 0) continue;
      if (scale) for (let j = 0; j < x.idx.length; j++) w[x.idx[j]!]! += delta * x.val[j]! * scale[x.idx[j]!]!;
      else for (let j = 0; j < x.idx.length; j++) w[x.idx[j]!]! += delta * x.val[j]!;
      b += delta;
    }
    if (maxPg - minPg < cost.options.tolerance) break;
  }
  return { w, b };
}

/** Per class, the sum of each feature over that class's rows (row k·dim … (k+1)·dim). */
function classFeatureSums(xs: SparseVector[], ys: Int32Array, classCount: number, dim: number): Float64Array[] {
  const sums = Array.from({ length: classCount }, () => new Float64Array(dim));
  xs.forEach((x, i) => {
    const s = sums[ys[i]!]!;
    for (let j = 0; j < x.idx.length; j++) s[x.idx[j]!]! += x.val[j]!;
  });
  return sums;
}

/** r = log((p/‖p‖₁) / (q/‖q‖₁)), p = α + Σ class k rows, q = α + Σ other rows. */
function logCountRatio(sums: Float64Array[], k: number, alpha: number): Float64Array {
  const dim = sums[0]!.length;
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  sums.forEach((s, c) => {
    const target = c === k ? p : q;
    for (let j = 0; j < dim; j++) target[j]! += s[j]!;
  });
  const pn = p.reduce((a, v) => a + v, 0);
  const qn = q.reduce((a, v) => a + v, 0);
  const r = new Float64Array(dim);
  for (let j = 0; j < dim; j++) r[j] = Math.log(p[j]! / pn / (q[j]! / qn));
  return r;
}

function scaledDot(w: Float64Array, x: SparseVector, scale: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.idx.length; j++) s += w[x.idx[j]!]! * x.val[j]! * scale[x.idx[j]!]!;
  return s;
}

function scaledSquaredNorm(x: SparseVector, scale: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.idx.length; j++) {
    const v = x.val[j]! * scale[x.idx[j]!]!;
    s += v * v;
  }
  return s;
}

function shuffle(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/** Margins of every class for one vector. */
export function margins(model: LinearModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.weights.length);
  for (let k = 0; k < out.length; k++) out[k] = dot(model.weights[k]!, x) + model.bias[k]!;
  return out;
}
