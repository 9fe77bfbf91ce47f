import { leaderCluster, mergeSimilarClusters, representative, topTerms, type Cluster } from './hotspot-cluster.js';
import { appealTerms, MATTER_THRESHOLD, regionWords } from './hotspot-matter.js';
import { tfidfVectors, type TextDoc, type Vector } from './hotspot-text.js';

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

export interface ClusterAppealsOptions {
  threshold?: number;
  partitionKeys?: readonly (string | null)[];
  /** Region names: never compared (a cluster is within one region anyway), never a keyword. */
  regionNames?: Iterable<string | null>;
  /**
   * False turns the matter guard off, region names included: clustering as before the guard, only
   * to measure what it changes (`lianxin hotspots purity`).
   */
  matterGuard?: boolean;
}

/** Text → jieba tokens → TF-IDF → leader clustering + centroid merge, in the order given (oldest first). */
export function clusterAppeals(docs: readonly TextDoc[], options: ClusterAppealsOptions = {}): ClusteredAppeals {
  const guarded = options.matterGuard !== false;
  const regions = regionWords(guarded ? (options.regionNames ?? []) : []);
  const terms = docs.map((d) => appealTerms(d, regions));
  const vectors = tfidfVectors(terms.map((t) => t.topic));
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const matter = guarded ? { vectors: tfidfVectors(terms.map((t) => t.matter)), threshold: MATTER_THRESHOLD } : undefined;
  // Single pass, then centroids alike by the same threshold are merged (see mergeSimilarClusters).
  const clusters = mergeSimilarClusters(
    leaderCluster(vectors, { threshold, partitionKeys: options.partitionKeys, matter }),
    threshold,
    matter?.threshold,
  );
  const assignment = new Array<number>(docs.length);
  clusters.forEach((c, ci) => c.members.forEach((m) => (assignment[m] = ci)));
  return { clusters, vectors, assignment };
}

export { representative, topTerms };
