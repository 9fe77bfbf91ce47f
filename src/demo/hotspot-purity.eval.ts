import { composeDeps } from '../composition.js';
import { defaultDomainSettings } from '../config/domain-settings.js';
import { openScratchDatabase } from '../db/scratch-database.js';
import { CENTRE } from './demo-org.data.js';
import { ensureDemo } from './demo.service.js';
import { findCentreByCode } from '../org/unit.repository.js';
import { ManualClock } from '../shared/clock.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import type { Executor } from '../db/database.js';
import { monthPeriod, previousPeriod, type Period } from '../analytics/period.js';
import { clusterAppeals } from '../analytics/hotspots/hotspot-engine.js';
import { loadGold, loadLabelled, loadMessageBoard } from '../analytics/hotspots/hotspot-eval-data.js';
import { clusteringAgreement } from '../analytics/hotspots/hotspot-measure.js';
import { listHotspotCandidates, listRegionNames, type HotspotCandidate } from '../analytics/hotspots/hotspot.repository.js';
import { hotClusters, MAX_APPEALS_PER_PERIOD } from '../analytics/hotspots/hotspot.service.js';

/**
 * Purity of hot issues: the share of a cluster's appeals in its majority category, weighted by
 * size (1 = every hot issue is about one matter). Measured with the matter guard off and on.
 */
export interface HotIssuePurity {
  hotIssues: number;
  appeals: number;
  purity: number;
  /** Hot issues whose appeals span more than one category. */
  mixed: number;
  /** The #1 hot issue (the monthly report's first row): size, categories and purity. */
  first: { count: number; categories: number; purity: number } | null;
}

const purityOf = (groups: readonly (readonly string[])[]) =>
  clusteringAgreement(
    groups.flatMap((g, i) => g.map(() => i)),
    groups.flat(),
  ).purity;

/** Purity of the hot issues of `period` among `appeals` (previous period first, oldest first), as the service ranks them. */
export function hotIssuePurity(
  appeals: readonly HotspotCandidate[],
  period: Period,
  options: { regionNames?: readonly string[]; matterGuard?: boolean } = {},
): HotIssuePurity {
  const { hot } = hotClusters(appeals, period, { minSize: 2, ...options });
  const groups = hot.map((h) => h.current.map((a) => a.category_id ?? '—'));
  const top = groups[0];
  return {
    hotIssues: groups.length,
    appeals: groups.reduce((n, g) => n + g.length, 0),
    purity: purityOf(groups),
    mixed: groups.filter((g) => new Set(g).size > 1).length,
    first: top ? { count: top.length, categories: new Set(top).size, purity: purityOf([top]) } : null,
  };
}

/** Loads what the monthly report clusters (the month and the period before) and measures its purity without and with the guard. */
export async function monthPurity(db: Executor, centreId: string, month: string) {
  const period = monthPeriod(month);
  const load = async (p: Period) =>
    (await listHotspotCandidates(db, { centreId, ...p, regionIds: null, limit: MAX_APPEALS_PER_PERIOD })).reverse();
  const appeals = [...(await load(previousPeriod(period))), ...(await load(period))];
  const regionNames = await listRegionNames(db, centreId);
  return {
    month,
    appealsInMonth: appeals.filter((a) => new Date(a.accepted_at) >= period.from).length,
    withoutGuard: hotIssuePurity(appeals, period, { regionNames, matterGuard: false }),
    withGuard: hotIssuePurity(appeals, period, { regionNames }),
  };
}

/**
 * A demo month: a fresh embedded database with the demo history of `days` days ending early in
 * November 2025 (seeded, so the same every run), then October 2025 measured as the monthly report clusters it.
 */
export async function demoMonthPurity(options: { days?: number; perDay?: number } = {}) {
  const database = await openScratchDatabase(undefined, 'lianxin_purity');
  try {
    const clock = new ManualClock('2025-11-03T02:00:00Z');
    const deps = composeDeps({ db: database.db, clock, dataDir: '/tmp', settings: defaultDomainSettings() });
    await ensureDemo(deps, () => {}, { days: options.days ?? 64, perDay: options.perDay ?? 8 });
    const centre = (await findCentreByCode(database.db, CENTRE.code))!;
    await ensureCentreDictionary(database.db, clock, centre.id);
    return await monthPurity(database.db, centre.id, '2025-10');
  } finally {
    await database.close();
  }
}

/** Real data read at run time: the gold clusters (pairwise F1, purity) and the clusters of the labelled appeals (purity by first-level category). */
export function realDataPurity(dataDir: string) {
  const board = loadMessageBoard(dataDir);
  const gold = loadGold(dataDir);
  const labelled = loadLabelled(dataDir);
  const measure = (matterGuard: boolean) => {
    const b = clusterAppeals(board, { matterGuard });
    const goldIdx = board.map((a, i) => [a, i] as const).filter(([a]) => gold.has(a.id));
    const g = clusteringAgreement(
      goldIdx.map(([, i]) => b.assignment[i]!),
      goldIdx.map(([a]) => gold.get(a.id)!),
    );
    const l = clusterAppeals(labelled, { matterGuard });
    const groups = l.clusters.filter((c) => c.members.length >= 2).map((c) => c.members.map((m) => labelled[m]!.label));
    return {
      gold: { pairwiseF1: g.pairwiseF1, purity: g.purity },
      labelled: { clustersOfTwoOrMore: groups.length, appeals: groups.flat().length, purity: purityOf(groups) },
    };
  };
  return { withoutGuard: measure(false), withGuard: measure(true) };
}
