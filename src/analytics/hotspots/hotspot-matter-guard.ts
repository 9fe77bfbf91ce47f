import type { Vector } from './hotspot-text.js';

/** The matter guard (ADR 0105): each appeal's matter vector and the least cosine with a cluster's matter centroid. */
export interface MatterGuard {
  vectors: readonly Vector[];
  threshold: number;
}

/** A running sum of unit vectors: its direction is the centroid's. */
export interface Centroid {
  sum: Vector;
  norm2: number;
}

/** True without a guard; else the cosine of the appeal's matter with the cluster's reaches the guard's threshold. */
export function sharesMatter(v: Vector | undefined, centroid: Centroid | undefined, guard: MatterGuard | undefined): boolean {
  if (!guard || !v || !centroid) return true;
  if (centroid.norm2 === 0) return false;
  let dot = 0;
  for (const [t, w] of v) dot += w * (centroid.sum.get(t) ?? 0);
  return dot / Math.sqrt(centroid.norm2) >= guard.threshold;
}

export function addToCentroid(centroid: Centroid, v: Vector) {
  let cross = 0;
  let norm2 = 0;
  for (const [t, w] of v) {
    cross += w * (centroid.sum.get(t) ?? 0);
    norm2 += w * w;
  }
  centroid.norm2 += 2 * cross + norm2;
  for (const [t, w] of v) centroid.sum.set(t, (centroid.sum.get(t) ?? 0) + w);
}

/** Cosine of two clusters' matter centroids against the guard's threshold (true without a guard). */
export function centroidsShareMatter(a: { matter?: Centroid }, b: { matter?: Centroid }, threshold: number | undefined): boolean {
  if (threshold === undefined || !a.matter || !b.matter) return true;
  if (a.matter.norm2 === 0 || b.matter.norm2 === 0) return false;
  let dot = 0;
  for (const [t, w] of a.matter.sum) dot += w * (b.matter.sum.get(t) ?? 0);
  return dot / Math.sqrt(a.matter.norm2 * b.matter.norm2) >= threshold;
}

export function addSum(into: Centroid, from: Centroid) {
  let cross = 0;
  for (const [t, w] of from.sum) cross += w * (into.sum.get(t) ?? 0);
  into.norm2 += 2 * cross + from.norm2;
  for (const [t, w] of from.sum) into.sum.set(t, (into.sum.get(t) ?? 0) + w);
}
