/**
 * Agreement between a clustering and reference labels, over the same items (index i ↔ item i).
 * Pairwise precision/recall/F1: of the pairs put together, how many belong together, and of the
 * pairs that belong together, how many were put together. ARI: the Rand index corrected for chance
 * (0 = random, 1 = identical). Purity: share of items in the majority reference label of their cluster.
 */
export interface ClusteringAgreement {
  items: number;
  referenceClusters: number;
  predictedClusters: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  adjustedRandIndex: number;
  purity: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

function countBy<T>(values: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

export function clusteringAgreement(predicted: readonly (string | number)[], reference: readonly string[]): ClusteringAgreement {
  if (predicted.length !== reference.length) throw new Error('predicted and reference differ in length');
  const n = predicted.length;
  const joint = countBy(predicted.map((p, i) => `${p}\u0000${reference[i]}`));
  const byPredicted = countBy(predicted);
  const byReference = countBy(reference);
  let together = 0;
  for (const c of joint.values()) together += pairs(c);
  let predictedPairs = 0;
  for (const c of byPredicted.values()) predictedPairs += pairs(c);
  let referencePairs = 0;
  for (const c of byReference.values()) referencePairs += pairs(c);
  const precision = predictedPairs === 0 ? 1 : together / predictedPairs;
  const recall = referencePairs === 0 ? 1 : together / referencePairs;
  const expected = (predictedPairs * referencePairs) / Math.max(1, pairs(n));
  const maxIndex = (predictedPairs + referencePairs) / 2;
  const ari = maxIndex === expected ? 1 : (together - expected) / (maxIndex - expected);
  const majority = new Map<string | number, number>();
  for (const [k, c] of joint) {
    const p = k.split('\u0000')[0]!;
    const key = typeof predicted[0] === 'number' ? Number(p) : p;
    majority.set(key, Math.max(majority.get(key) ?? 0, c));
  }
  let pure = 0;
  for (const c of majority.values()) pure += c;
  return {
    items: n,
    referenceClusters: byReference.size,
    predictedClusters: byPredicted.size,
    pairwisePrecision: round(precision),
    pairwiseRecall: round(recall),
    pairwiseF1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    adjustedRandIndex: round(ari),
    purity: round(n === 0 ? 1 : pure / n),
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
