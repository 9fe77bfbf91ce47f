import { addCounters, zeroCounters, type KpiCounters } from '../kpi/counters.js';
import { evaluateKpi, KPI_BY_KEY, type KpiKey } from '../kpi/definitions.js';
import type { AssessmentConfig } from './assessment-config.js';
import type { UnitScoreView } from '../../contract/analytics.js';

/** What one order contributes that the assessment may have to take back (see assessment-facts). */
export interface OrderFacts {
  orderId: string;
  /** Assessed (top-level) unit the order's last dispatch went to; null when never dispatched. */
  unitId: string | null;
  overdue: boolean;
  rehandles: number;
  visitsValid: number;
  visitsSatisfied: number;
  visitsBasic: number;
  visitsResolved: number;
}

export interface ReturnFact {
  orderId: string;
  /** Assessed unit that returned the order (退单). */
  unitId: string;
}

export interface UnitInput {
  unitId: string;
  unitName: string;
  /** The assessed unit a department row belongs to (its county); null for an assessed unit itself. */
  parentUnitId?: string | null;
  /** The unit's month counters from computeKpis (its whole subtree). */
  counters: KpiCounters;
}

/** One unit's monthly score: the contract's row plus its raw KPI counters (the console does not read them). */
export interface UnitScore extends UnitScoreView {
  counters: KpiCounters;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The monthly score of each unit. Orders excluded for the unit (unreasonable appeals, accepted 申诉)
 * leave the citizen's rating (满意率, 解决率 counters) and every deduction; 响应率 and the other
 * timeliness figures are the unit's own conduct and stay as the KPI module computes them. The base
 * score is Σ weight × indicator / Σ weight over the indicators that have a denominator, × 100.
 */
export function scoreUnits(
  units: readonly UnitInput[],
  facts: readonly OrderFacts[],
  returns: readonly ReturnFact[],
  isExcluded: (orderId: string, unitId: string) => boolean,
  config: AssessmentConfig,
): UnitScore[] {
  const scored = units.map((u) => scoreUnit(u, facts, returns, isExcluded, config));
  return rankScores(scored);
}

function scoreUnit(
  u: UnitInput,
  facts: readonly OrderFacts[],
  returns: readonly ReturnFact[],
  isExcluded: (orderId: string, unitId: string) => boolean,
  config: AssessmentConfig,
): UnitScore {
  const counters = zeroCounters();
  addCounters(counters, u.counters);
  const deductions = { overdue: 0, returns: 0, rehandles: 0 };
  let excludedOrders = 0;
  for (const f of facts) {
    if (f.unitId !== u.unitId) continue;
    if (isExcluded(f.orderId, u.unitId)) {
      excludedOrders++;
      counters.visits_valid -= f.visitsValid;
      counters.visits_satisfied -= f.visitsSatisfied;
      counters.visits_basic -= f.visitsBasic;
      counters.visits_resolved -= f.visitsResolved;
      continue;
    }
    if (f.overdue) deductions.overdue++;
    deductions.rehandles += f.rehandles;
  }
  for (const r of returns) if (r.unitId === u.unitId && !isExcluded(r.orderId, u.unitId)) deductions.returns++;
  const params = { basicSatisfiedWeight: config.basicSatisfiedWeight };
  const indicators = config.indicators.map(({ key, weight }) => ({
    key,
    weight,
    ...evaluateKpi(KPI_BY_KEY[key as KpiKey], counters, params),
  }));
  const applicable = indicators.filter((i) => i.value !== null);
  const weightSum = applicable.reduce((s, i) => s + i.weight, 0);
  const baseScore = weightSum === 0 ? null : round2((applicable.reduce((s, i) => s + i.weight * i.value!, 0) / weightSum) * 100);
  const deductionPoints = round2(
    deductions.overdue * config.deductions.overdue +
      deductions.returns * config.deductions.return +
      deductions.rehandles * config.deductions.rehandle,
  );
  return {
    unitId: u.unitId,
    unitName: u.unitName,
    parentUnitId: u.parentUnitId ?? null,
    rank: null,
    score: baseScore === null ? null : Math.max(0, round2(baseScore - deductionPoints)),
    baseScore,
    deductionPoints,
    indicators,
    deductions,
    counters,
    excludedOrders,
  };
}

/** Highest score first; equal scores share a rank (1, 2, 2, 4); units without a score come last, unranked. */
export function rankScores(scores: UnitScore[]): UnitScore[] {
  const sorted = [...scores].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  sorted.forEach((s, i) => {
    if (s.score === null) return;
    const prev = sorted[i - 1];
    s.rank = prev && prev.score === s.score ? prev.rank : i + 1;
  });
  return sorted;
}
