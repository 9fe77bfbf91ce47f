import { mulberry32 } from './random.js';

/** Stratified k-fold: each label's rows are shuffled and dealt round-robin, so folds keep the mix. */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 42): number[][] {
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const rows = byLabel.get(l) ?? [];
    rows.push(i);
    byLabel.set(l, rows);
  });
  const random = mulberry32(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const rows = byLabel.get(label)!;
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    for (const row of rows) {
      folds[next]!.push(row);
      next = (next + 1) % k;
    }
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}
