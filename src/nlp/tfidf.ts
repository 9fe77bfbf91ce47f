import { FAMILIES, familyOf, type Family } from './text-features.js';

/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface TfidfOptions {
  /** Features seen in fewer documents are dropped (noise, and a smaller model). */
  minDf: number;
  /** Weight of each family's block after its own l2 normalisation. */
  familyWeights: Readonly<Record<Family, number>>;
}

/** A fitted TF-IDF vocabulary: feature key → index, its idf and family. */
export interface TfidfVocabulary {
  keys: string[];
  idf: Float32Array;
  index: Map<string, number>;
  familyWeights: Readonly<Record<Family, number>>;
}

/** Learns the vocabulary and smoothed idf (ln((1+N)/(1+df)) + 1) from the training documents. */
export function fitTfidf(docs: readonly Map<string, number>[], options: TfidfOptions): TfidfVocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) for (const key of doc.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const keys = [...df.entries()].filter(([, n]) => n >= options.minDf).map(([k]) => k);
  keys.sort();
  const idf = new Float32Array(keys.length);
  const n = docs.length;
  keys.forEach((k, i) => (idf[i] = Math.log((1 + n) / (1 + (df.get(k) ?? 0))) + 1));
  return { keys, idf, index: indexOf(keys), familyWeights: options.familyWeights };
}

export function indexOf(keys: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  return index;
}

/**
 * Sublinear tf (1 + ln tf) × idf, l2-normalised per family, then scaled by the family weight, so
 * that e.g. thousands of character n-grams do not drown a dozen title words.
 */
export function vectorize(vocab: TfidfVocabulary, counts: Map<string, number>): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  const fam: Family[] = [];
  const norms: Record<Family, number> = { w: 0, c: 0, t: 0, r: 0 };
  for (const [key, tf] of counts) {
    const i = vocab.index.get(key);
    if (i === undefined) continue;
    const f = familyOf(key);
    const v = (1 + Math.log(tf)) * vocab.idf[i]!;
    idx.push(i);
    val.push(v);
    fam.push(f);
    norms[f] += v * v;
  }
  const scale = {} as Record<Family, number>;
  for (const f of FAMILIES) scale[f] = norms[f] > 0 ? vocab.familyWeights[f] / Math.sqrt(norms[f]) : 0;
  const out: SparseVector = { idx: Int32Array.from(idx), val: new Float32Array(val.length) };
  for (let k = 0; k < val.length; k++) out.val[k] = val[k]! * scale[fam[k]!];
  return out;
}

export function dot(w: Float32Array | Float64Array, x: SparseVector): number {
  let s = 0;
  const { idx, val } = x;
  for (let k = 0; k < idx.length; k++) s += w[idx[k]!]! * val[k]!;
  return s;
}

export function squaredNorm(x: SparseVector): number {
  let s = 0;
  for (let k = 0; k < x.val.length; k++) s += x.val[k]! * x.val[k]!;
  return s;
}
