import type { Vector } from './hotspot-text.js';
import {
  addSum,
  addToCentroid,
  centroidsShareMatter,
  sharesMatter,
  type Centroid,
  type MatterGuard,
} from './hotspot-matter-guard.js';

export type { Centroid, MatterGuard };

export interface ClusterOptions {
  /** Minimum cosine between an appeal and a cluster's centroid to join it. */
  threshold: number;
  /** Appeals with different keys never share a cluster (e.g. the region: same topic, same place). */
  partitionKeys?: readonly (string | null)[];
  /**
   * The matter guard: each appeal's matter vector (its words without places) and the least cosine
   * with a cluster's matter centroid for the appeal to join it (see hotspot-matter.ts).
   */
  matter?: MatterGuard;
}

export interface Cluster {
  members: number[];
  /** Sum of the members' vectors (the centroid's direction) and its squared length. */
  sum: Vector;
  sumNorm2: number;
  key: string | null;
  /** Sum of the members' matter vectors, when clustering is guarded by matter. */
  matter?: Centroid;
}

/**
 * Leader (single-pass, centroid) clustering: each appeal, in the given order (oldest first), joins
 * the most similar existing cluster of its partition when the cosine to that cluster's centroid
 * reaches the threshold, else starts a new cluster. An inverted index from terms to clusters keeps
 * the comparison to clusters that share a word with the appeal, so the cost grows with the
 * vocabulary overlap rather than with appeals × clusters. Deterministic for a given order.
 */
export function leaderCluster(vectors: readonly Vector[], options: ClusterOptions): Cluster[] {
  const clusters: Cluster[] = [];
  const postings = new Map<string, Set<number>>();
  vectors.forEach((v, i) => {
    const key = options.partitionKeys?.[i] ?? null;
    // Candidates: clusters sharing one of the appeal's heaviest words, scored first by those words
    // only (a partial cosine); the full cosine is computed for the best few. Words that a tenth of
    // the clusters share cannot tell clusters apart and are not followed.
    const partial = new Map<number, number>();
    const common = Math.max(50, clusters.length / 10);
    for (const t of heaviestTerms(v, CANDIDATE_TERMS)) {
      const set = postings.get(t);
      if (!set || set.size > common) continue;
      const w = v.get(t)!;
      for (const c of set) {
        const cluster = clusters[c]!;
        if (cluster.key !== key) continue;
        partial.set(c, (partial.get(c) ?? 0) + (w * cluster.sum.get(t)!) / Math.sqrt(cluster.sumNorm2));
      }
    }
    const shortlist = [...partial.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST);
    let best = -1;
    let bestCos = options.threshold;
    const dots = new Map<number, number>();
    const mv = options.matter?.vectors[i];
    for (const [c] of shortlist) {
      const dot = dotWithSum(v, clusters[c]!);
      dots.set(c, dot);
      const cos = dot / Math.sqrt(clusters[c]!.sumNorm2);
      if (cos >= bestCos && sharesMatter(mv, clusters[c]!.matter, options.matter)) [best, bestCos] = [c, cos];
    }
    if (best < 0) {
      clusters.push({ members: [], sum: new Map(), sumNorm2: 0, key, ...(mv ? { matter: { sum: new Map(), norm2: 0 } } : {}) });
      best = clusters.length - 1;
    }
    addToCluster(clusters[best]!, v, i, dots.get(best) ?? 0);
    if (mv) addToCentroid(clusters[best]!.matter!, mv);
    for (const t of v.keys()) {
      let set = postings.get(t);
      if (!set) postings.set(t, (set = new Set()));
      set.add(best);
    }
  });
  return clusters;
}

const CANDIDATE_TERMS = 8;
const SHORTLIST = 20;

function heaviestTerms(v: Vector, n: number): string[] {
  if (v.size <= n) return [...v.keys()];
  return [...v.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([t]) => t);
}

function dotWithSum(v: Vector, cluster: Cluster): number {
  let dot = 0;
  for (const [t, w] of v) dot += w * (cluster.sum.get(t) ?? 0);
  return dot;
}

function addToCluster(cluster: Cluster, v: Vector, index: number, dotWithSum: number) {
  let norm2 = 0;
  for (const w of v.values()) norm2 += w * w;
  cluster.sumNorm2 += 2 * dotWithSum + norm2;
  for (const [t, w] of v) cluster.sum.set(t, (cluster.sum.get(t) ?? 0) + w);
  cluster.members.push(index);
}

/** The heaviest words of a cluster's centroid: its label. */
export function topTerms(cluster: Cluster, n: number): string[] {
  return [...cluster.sum.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}

/** The member closest to the centroid: the appeal that best represents the cluster. */
export function representative(cluster: Cluster, vectors: readonly Vector[]): number {
  let best = cluster.members[0]!;
  let bestDot = -1;
  for (const m of cluster.members) {
    let dot = 0;
    for (const [t, w] of vectors[m]!) dot += w * (cluster.sum.get(t) ?? 0);
    if (dot > bestDot) [best, bestDot] = [m, dot];
  }
  return best;
}

const MERGE_INDEX_TERMS = 10;

const unit = (c: Cluster): Vector => {
  const n = Math.sqrt(c.sumNorm2) || 1;
  return new Map([...c.sum].map(([t, w]) => [t, w / n]));
};

/**
 * Second pass: merges clusters whose centroids are at least `threshold` alike (same partition),
 * largest first. A single pass depends on arrival order and splits one topic when its first appeals
 * differ in wording; comparing whole centroids joins those halves. With `matterThreshold`, the
 * clusters' matter centroids must be that alike too (the matter guard).
 */
export function mergeSimilarClusters(clusters: readonly Cluster[], threshold: number, matterThreshold?: number): Cluster[] {
  const order = [...clusters].sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  const kept: { cluster: Cluster; centroid: Vector }[] = [];
  // Only clusters sharing one of their heaviest words can be alike enough: index those words.
  const byTopTerm = new Map<string, Set<number>>();
  const index = (k: number) => {
    for (const t of topTerms(kept[k]!.cluster, MERGE_INDEX_TERMS)) {
      let set = byTopTerm.get(t);
      if (!set) byTopTerm.set(t, (set = new Set()));
      set.add(k);
    }
  };
  for (const c of order) {
    const centroid = unit(c);
    let target: (typeof kept)[number] | undefined;
    let targetIndex = -1;
    let bestCos = threshold;
    const candidates = new Set<number>();
    for (const t of topTerms(c, MERGE_INDEX_TERMS)) for (const k of byTopTerm.get(t) ?? []) candidates.add(k);
    for (const ki of [...candidates].sort((a, b) => a - b)) {
      const k = kept[ki]!;
      if (k.cluster.key !== c.key) continue;
      let dot = 0;
      for (const [t, w] of centroid) dot += w * (k.centroid.get(t) ?? 0);
      if (dot >= bestCos && centroidsShareMatter(c, k.cluster, matterThreshold)) [target, targetIndex, bestCos] = [k, ki, dot];
    }
    if (!target) {
      const matter = c.matter && { sum: new Map(c.matter.sum), norm2: c.matter.norm2 };
      kept.push({ cluster: { ...c, members: [...c.members], sum: new Map(c.sum), ...(matter ? { matter } : {}) }, centroid });
      index(kept.length - 1);
      continue;
    }
    const into = target.cluster;
    let cross = 0;
    for (const [t, w] of c.sum) cross += w * (into.sum.get(t) ?? 0);
    into.sumNorm2 += 2 * cross + c.sumNorm2;
    for (const [t, w] of c.sum) into.sum.set(t, (into.sum.get(t) ?? 0) + w);
    into.members.push(...c.members);
    if (into.matter && c.matter) addSum(into.matter, c.matter);
    target.centroid = unit(into);
    index(targetIndex);
  }
  for (const k of kept) k.cluster.members.sort((a, b) => a - b);
  return kept.map((k) => k.cluster).sort((a, b) => a.members[0]! - b.members[0]!);
}
