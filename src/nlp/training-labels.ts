/**
 * Rolls rare labels up their tree (a leaf category to its parent, a sub-team to its department)
 * until each has at least `minCount` examples; labels still rarer at the root are dropped (one
 * example cannot teach a class). Returns the new label per row, or null for a dropped row.
 */
export function rollUpRareLabels(
  labels: readonly string[],
  parentOf: ReadonlyMap<string, string | null>,
  minCount: number,
): (string | null)[] {
  const current = [...labels];
  for (let round = 0; round < 10; round++) {
    const counts = countOf(current);
    let changed = false;
    current.forEach((label, i) => {
      const parent = parentOf.get(label);
      if ((counts.get(label) ?? 0) < minCount && parent) {
        current[i] = parent;
        changed = true;
      }
    });
    if (!changed) break;
  }
  const counts = countOf(current);
  return current.map((l) => ((counts.get(l) ?? 0) >= Math.min(minCount, 2) ? l : null));
}

function countOf(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}
