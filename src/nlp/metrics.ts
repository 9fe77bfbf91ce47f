/** Classification figures as the evaluation prints them. */
export interface ClassificationMetrics {
  accuracy: number;
  macro_f1: number;
  per_class_f1: Record<string, number>;
  support: Record<string, number>;
}

/**
 * Accuracy, per-class F1 and their unweighted mean over every label that occurs in the truth or in
 * the predictions (a label never seen in training counts with F1 0, as it should).
 */
export function classificationMetrics(truth: readonly string[], predicted: readonly string[]): ClassificationMetrics {
  const labels = [...new Set([...truth, ...predicted])].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const support: Record<string, number> = {};
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    support[t] = (support[t] ?? 0) + 1;
    if (t === p) {
      correct += 1;
      bump(tp, t);
    } else {
      bump(fp, p);
      bump(fn, t);
    }
  });
  const perClass: Record<string, number> = {};
  for (const l of labels) {
    const a = tp.get(l) ?? 0;
    const denom = 2 * a + (fp.get(l) ?? 0) + (fn.get(l) ?? 0);
    perClass[l] = denom === 0 ? 0 : (2 * a) / denom;
  }
  const f1s = Object.values(perClass);
  return {
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macro_f1: f1s.length === 0 ? 0 : f1s.reduce((s, v) => s + v, 0) / f1s.length,
    per_class_f1: perClass,
    support,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
