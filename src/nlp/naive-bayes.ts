import type { SparseVector } from './tfidf.js';

/** Multinomial naive Bayes: log priors and per-class feature log-probabilities. */
export interface NaiveBayesModel {
  logPrior: Float64Array;
  logProb: Float64Array[];
}

/**
 * Multinomial naive Bayes on the same TF-IDF vectors (Rennie et al. 2003 show it works on tf-idf
 * too). Kept as the baseline the benchmark compares the SVM against, measured in the same run.
 */
export function trainNaiveBayes(
  xs: SparseVector[],
  ys: Int32Array,
  classCount: number,
  dim: number,
  alpha = 0.1,
): NaiveBayesModel {
  const sums = Array.from({ length: classCount }, () => new Float64Array(dim).fill(alpha));
  const docs = new Float64Array(classCount);
  xs.forEach((x, i) => {
    const s = sums[ys[i]!]!;
    docs[ys[i]!]! += 1;
    for (let j = 0; j < x.idx.length; j++) s[x.idx[j]!]! += x.val[j]!;
  });
  const logProb = sums.map((s) => {
    const total = s.reduce((a, v) => a + v, 0);
    return s.map((v) => Math.log(v / total));
  });
  const logPrior = docs.map((d) => Math.log(Math.max(d, 1e-9) / xs.length));
  return { logPrior, logProb };
}

export function naiveBayesScores(model: NaiveBayesModel, x: SparseVector): Float64Array {
  return model.logPrior.map((prior, k) => {
    const lp = model.logProb[k]!;
    let s = prior;
    for (let j = 0; j < x.idx.length; j++) s += lp[x.idx[j]!]! * x.val[j]!;
    return s;
  });
}
