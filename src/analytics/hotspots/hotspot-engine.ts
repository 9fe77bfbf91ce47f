import { leaderCluster, mergeSimilarClusters, representative, topTerms, type Cluster } from './hotspot-cluster.js';
import { termCounts, tfidfVectors, type TextDoc, type Vector } from './hotspot-text.js';

/**
 * The default similarity threshold, chosen on the evaluation sets (see `lianxin hotspots eval`
 * and the README): high enough that distinct issues at one place stay apart.
 */
export const DEFAULT_THRESHOLD = 0.25;

export interface ClusteredAppeals {
  clusters: Cluster[];
  vectors: Vector[];
  /** Cluster index of each appeal. */
  assignment: number[];
}

/** Text → jieba tokens → TF-IDF → leader clustering + centroid merge, in the order given (oldest first). */
export function clusterAppeals(
  docs: readonly TextDoc[],
  options: { threshold?: number; partitionKeys?: readonly (string | null)[] } = {},
): ClusteredAppeals {
  const vectors = tfidfVectors(docs.map(termCounts));
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // Single pass, then centroids alike by the same threshold are merged (see mergeSimilarClusters).
  const clusters = mergeSimilarClusters(leaderCluster(vectors, { threshold, partitionKeys: options.partitionKeys }), threshold);
  const assignment = new Array<number>(docs.length);
  clusters.forEach((c, ci) => c.members.forEach((m) => (assignment[m] = ci)));
  return { clusters, vectors, assignment };
}

export { representative, topTerms };
