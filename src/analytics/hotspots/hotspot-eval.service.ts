import { clusterAppeals, DEFAULT_THRESHOLD } from './hotspot-engine.js';
import { loadGold, loadMessageBoard, loadRivers } from './hotspot-eval-data.js';
import { clusteringAgreement } from './hotspot-measure.js';

/**
 * Evaluates the hot-issue clustering on real data read at run time from the shared data folder:
 * 1. message board (hot-issues.csv, 4,326 appeals): all are clustered together, then the two
 *    hand-made gold clusters (15 appeals) are compared with where their members landed;
 * 2. Fuzhou river appeals: river = topic, over every appeal naming exactly one river.
 */
export function evaluateHotspots(dataDir: string, thresholds: readonly number[] = [DEFAULT_THRESHOLD]) {
  const board = loadMessageBoard(dataDir);
  const gold = loadGold(dataDir);
  const rivers = loadRivers(dataDir);
  return thresholds.map((threshold) => {
    const b = clusterAppeals(board, { threshold });
    const goldIdx = board.map((a, i) => [a, i] as const).filter(([a]) => gold.has(a.id));
    const goldAgreement = clusteringAgreement(
      goldIdx.map(([, i]) => b.assignment[i]!),
      goldIdx.map(([a]) => gold.get(a.id)!),
    );
    // How many appeals outside the gold list share a cluster with gold ones (near-duplicates of them
    // are in the file too, so some are expected; a large number means the cluster is too broad).
    const goldClusters = new Set(goldIdx.map(([, i]) => b.assignment[i]!));
    const othersInGoldClusters = board.filter((a, i) => !gold.has(a.id) && goldClusters.has(b.assignment[i]!)).length;
    const r = clusterAppeals(rivers, { threshold });
    return {
      threshold,
      messageBoardGold: { ...goldAgreement, appealsClustered: board.length, othersInGoldClusters },
      fuzhouRivers: {
        ...clusteringAgreement(
          r.assignment,
          rivers.map((a) => a.river),
        ),
        clustersOfTwoOrMore: r.clusters.filter((c) => c.members.length >= 2).length,
      },
    };
  });
}
