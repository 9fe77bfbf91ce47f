import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/paths.js';
import { leaderCluster, mergeSimilarClusters } from '../src/analytics/hotspots/hotspot-cluster.js';
import { loadMessageBoard } from '../src/analytics/hotspots/hotspot-eval-data.js';
import { clusteringAgreement } from '../src/analytics/hotspots/hotspot-measure.js';
import { cosine, termCounts, tfidfVectors, type Vector } from '../src/analytics/hotspots/hotspot-text.js';
import { DEFAULT_THRESHOLD } from '../src/analytics/hotspots/hotspot-engine.js';
import { demoMonthPurity, realDataPurity } from '../src/demo/hotspot-purity.eval.js';
import type { BenchSection } from './run.js';

// Real public appeals, read at run time from the shared data folder and never copied (see README).
const DATA = path.resolve(PROJECT_ROOT, '../shared/data');

/** Baseline: the same leader pass comparing each appeal with every cluster centroid (norms kept incrementally). */
function naiveLeader(vectors: readonly Vector[], threshold: number): number[] {
  const sums: { sum: Vector; norm2: number }[] = [];
  const assignment: number[] = [];
  for (const v of vectors) {
    let best = -1;
    let bestCos = threshold;
    let bestDot = 0;
    sums.forEach((s, c) => {
      const dot = cosine(v, s.sum);
      const cos = dot / Math.sqrt(s.norm2);
      if (cos >= bestCos) [best, bestCos, bestDot] = [c, cos, dot];
    });
    if (best < 0) {
      sums.push({ sum: new Map(), norm2: 0 });
      best = sums.length - 1;
    }
    const s = sums[best]!;
    let vNorm2 = 0;
    for (const w of v.values()) vNorm2 += w * w;
    s.norm2 += 2 * bestDot + vNorm2;
    for (const [t, w] of v) s.sum.set(t, (s.sum.get(t) ?? 0) + w);
    assignment.push(best);
  }
  return assignment;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

export const hotspotsBench: BenchSection = {
  name: 'hotspots',
  description: 'hot-issue clustering of 4,326 real appeals: indexed leader pass vs comparing every cluster (baseline)',
  run: async () => {
    const board = loadMessageBoard(DATA);
    let t0 = performance.now();
    const vectors = tfidfVectors(board.map(termCounts));
    const featureSeconds = seconds(t0);
    t0 = performance.now();
    const indexed = leaderCluster(vectors, { threshold: DEFAULT_THRESHOLD });
    const indexedSeconds = seconds(t0);
    t0 = performance.now();
    const merged = mergeSimilarClusters(indexed, DEFAULT_THRESHOLD);
    const mergeSeconds = seconds(t0);
    t0 = performance.now();
    const naive = naiveLeader(vectors, DEFAULT_THRESHOLD);
    const naiveSeconds = seconds(t0);
    const indexedAssignment = new Array<number>(vectors.length);
    indexed.forEach((c, ci) => c.members.forEach((m) => (indexedAssignment[m] = ci)));
    const agreement = clusteringAgreement(indexedAssignment, naive.map(String));
    console.log(`  appeals ${board.length}; jieba + TF-IDF ${featureSeconds.toFixed(2)} s`);
    console.log(`  leader pass, inverted index   ${indexedSeconds.toFixed(2)} s  (${indexed.length} clusters)`);
    console.log(`  leader pass, every cluster     ${naiveSeconds.toFixed(2)} s  (baseline)`);
    console.log(
      `  speed-up ×${(naiveSeconds / indexedSeconds).toFixed(1)}; agreement with the baseline ARI ${agreement.adjustedRandIndex}`,
    );
    console.log(`  centroid merge pass            ${mergeSeconds.toFixed(2)} s  (${merged.length} clusters)`);
    await printPurity();
  },
};

/** Purity of hot issues without → with the matter guard (one matter per hot issue; `lianxin hotspots purity`). */
async function printPurity() {
  const real = realDataPurity(DATA);
  const [off, on] = [real.withoutGuard, real.withGuard];
  console.log(`  purity (without → with the matter guard):`);
  console.log(
    `    gold clusters      pairwise F1 ${off.gold.pairwiseF1} → ${on.gold.pairwiseF1}, purity ${off.gold.purity} → ${on.gold.purity}`,
  );
  console.log(
    `    labelled appeals   ${off.labelled.clustersOfTwoOrMore} → ${on.labelled.clustersOfTwoOrMore} clusters, purity by category ${off.labelled.purity} → ${on.labelled.purity}`,
  );
  const t0 = performance.now();
  const demo = await demoMonthPurity();
  console.log(
    `    demo ${demo.month}       ${demo.withoutGuard.hotIssues} → ${demo.withGuard.hotIssues} hot issues, ${demo.withoutGuard.mixed} → ${demo.withGuard.mixed} mixed, purity ${demo.withoutGuard.purity} → ${demo.withGuard.purity} (demo seeded in ${seconds(t0).toFixed(0)} s)`,
  );
}
