import type { Deps } from '../../shared/deps.js';
import type { Hotspot as ContractHotspot, HotspotAnswer } from '../../contract/analytics.js';
import { forbidden } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import type { Actor } from '../../users/roles.js';
import { checkedPeriod, previousPeriod, type Period } from '../period.js';
import { ensureCentreDictionary } from '../../text/dictionary.service.js';
import type { Cluster } from './hotspot-cluster.js';
import { clusterAppeals, DEFAULT_THRESHOLD, representative } from './hotspot-engine.js';
import { hotspotKeywords } from './hotspot-keywords.js';
import { regionWords } from './hotspot-matter.js';
import { clusteredText } from './hotspot-text.js';
import { listHotspotCandidates, listRegionNames, regionSubtreeIds, type HotspotCandidate } from './hotspot.repository.js';
import type { HotspotQuery } from './hotspot.schemas.js';

/** At most this many appeals per period are clustered (the most recent are kept when there are more). */
export const MAX_APPEALS_PER_PERIOD = 10_000;
const ORDERS_PER_HOTSPOT = 50;

/** One hot issue as the service builds it: the contract's shape with real dates. */
export type Hotspot = ContractHotspot<Date>;

/**
 * Hot issues (热点) of a period and place: the appeals of the period and of the period of the same
 * length before are clustered together by text (jieba tokens, TF-IDF, cosine) within their region;
 * clusters with at least `minSize` appeals in the period are ranked by size plus rise.
 */
export async function findHotspots(deps: Deps, actor: Actor, query: HotspotQuery): Promise<HotspotAnswer<Date>> {
  if (!can(actor, 'hotspot.read')) throw forbidden();
  const period = checkedPeriod(query.from, query.to);
  const previous = previousPeriod(period);
  // Place and unit names stay whole words, as in search and suggestions (the segmenter is shared by
  // the process: without this the words would depend on which service had loaded the names first).
  await ensureCentreDictionary(deps.db, deps.clock, actor.centreId);
  const regionIds = query.regionId ? await regionSubtreeIds(deps.db, actor.centreId, query.regionId) : null;
  const load = (p: Period) =>
    listHotspotCandidates(deps.db, { centreId: actor.centreId, ...p, regionIds, limit: MAX_APPEALS_PER_PERIOD }).then((rows) =>
      rows.reverse(),
    );
  const appeals = [...(await load(previous)), ...(await load(period))];
  const regionNames = await listRegionNames(deps.db, actor.centreId);
  const items = rankHotspots(appeals, period, { minSize: query.minSize ?? 2, limit: query.limit ?? 20, regionNames });
  return { from: period.from, to: period.to, previousFrom: previous.from, appealsExamined: appeals.length, items };
}

export interface RankOptions {
  minSize: number;
  threshold?: number;
  limit?: number;
  /** Region names besides the appeals' own (never compared, never a keyword). */
  regionNames?: readonly string[];
  /** False: without the matter guard (only to measure what it changes). */
  matterGuard?: boolean;
}

/** A cluster with at least `minSize` appeals in the period, ranked by `hotspot.score`, best first. */
export interface HotCluster {
  cluster: Cluster;
  /** Its appeals in the period, oldest first. */
  current: HotspotCandidate[];
  hotspot: Omit<Hotspot, 'label' | 'keywords'>;
}

/** Pure: clusters the appeals (oldest first) and ranks the clusters that are hot in `period`. */
export function rankHotspots(appeals: readonly HotspotCandidate[], period: Period, options: RankOptions): Hotspot[] {
  const { hot, docs, regions } = hotClusters(appeals, period, options);
  // Keywords read the members' texts again: only for the hot issues answered.
  return hot.slice(0, options.limit ?? hot.length).map(({ cluster, hotspot }) => {
    const keywords = hotspotKeywords(
      cluster,
      cluster.members.map((m) => clusteredText(docs[m]!)),
      5,
      regions,
    );
    return { ...hotspot, label: keywords.slice(0, 3).join(' · '), keywords };
  });
}

/** Pure: the clusters hot in `period`, best first (what rankHotspots labels; purity is measured on them). */
export function hotClusters(appeals: readonly HotspotCandidate[], period: Period, options: RankOptions) {
  const docs = appeals.map((a) => ({ headline: `${a.title} ${a.address ?? ''}`, body: a.content_head }));
  // The appeals' own regions at least; callers add the centre's other region names.
  const regionNames = [...new Set([...appeals.map((a) => a.region_name), ...(options.regionNames ?? [])])];
  const { clusters, vectors } = clusterAppeals(docs, {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    partitionKeys: appeals.map((a) => a.region_id),
    regionNames,
    matterGuard: options.matterGuard,
  });
  const inPeriod = (a: HotspotCandidate) => new Date(a.accepted_at) >= period.from;
  const hot: HotCluster[] = [];
  for (const cluster of clusters) {
    const members = cluster.members.map((m) => appeals[m]!);
    const current = members.filter(inPeriod);
    if (current.length < options.minSize) continue;
    const previousCount = members.length - current.length;
    const rep = appeals[representative(cluster, vectors)]!;
    hot.push({
      cluster,
      current,
      hotspot: {
        key: current[0]!.id,
        representativeTitle: rep.title,
        regionId: rep.region_id,
        regionName: rep.region_name,
        count: current.length,
        previousCount,
        growth: previousCount === 0 ? null : Math.round(((current.length - previousCount) / previousCount) * 1000) / 1000,
        score: current.length + Math.max(0, current.length - previousCount),
        orders: current
          .slice(-ORDERS_PER_HOTSPOT)
          .reverse()
          .map((a) => ({
            id: a.id,
            orderNo: a.order_no,
            title: a.title,
            state: a.state,
            acceptedAt: a.accepted_at,
            address: a.address,
          })),
      },
    });
  }
  hot.sort(({ hotspot: a }, { hotspot: b }) => b.score - a.score || b.count - a.count || (a.key < b.key ? -1 : 1));
  return { hot, docs, regions: regionWords(options.matterGuard === false ? [] : regionNames) };
}
