import { KPI_BY_KEY, type KpiKey } from '../kpi/definitions.js';
import { invalidField } from '../../shared/errors.js';
import type { DeductionPoints, IndicatorWeight } from './assessment.table.js';

export interface AssessmentConfig {
  indicators: IndicatorWeight[];
  deductions: DeductionPoints;
  /** Weight of 基本满意 in 满意率 (passed to the KPI definitions). */
  basicSatisfiedWeight: number;
}

/**
 * One county's scheme (domain.md): 响应率 30, 解决率 35, 满意率 35; points off per event. 协办按时率 10
 * (ADR 0120) weighs only for units that had assisting tasks: for the others it has no denominator and
 * the score is re-weighted over the other three, so their scores are as before.
 */
export const DEFAULT_ASSESSMENT_CONFIG: AssessmentConfig = Object.freeze({
  indicators: [
    { key: 'responseRate', weight: 30 },
    { key: 'resolutionRate', weight: 35 },
    { key: 'satisfactionRate', weight: 35 },
    { key: 'assistOnTimeRate', weight: 10 },
  ],
  deductions: { overdue: 1, return: 0.5, rehandle: 1 },
  basicSatisfiedWeight: 1,
}) as AssessmentConfig;

/** Indicators must be ratio KPIs, listed once, with positive weights; points off are ≥ 0. */
export function validateConfig(c: AssessmentConfig): AssessmentConfig {
  if (c.indicators.length === 0) throw invalidField('indicators', 'empty');
  const seen = new Set<string>();
  c.indicators.forEach((ind, i) => {
    const def = KPI_BY_KEY[ind.key as KpiKey];
    if (!def || def.kind !== 'ratio') throw invalidField(`indicators.${i}.key`, 'not a ratio KPI');
    if (seen.has(ind.key)) throw invalidField(`indicators.${i}.key`, 'listed twice');
    seen.add(ind.key);
    if (!(ind.weight > 0)) throw invalidField(`indicators.${i}.weight`);
  });
  for (const k of ['overdue', 'return', 'rehandle'] as const) {
    if (!(c.deductions[k] >= 0)) throw invalidField(`deductions.${k}`);
  }
  if (!(c.basicSatisfiedWeight >= 0 && c.basicSatisfiedWeight <= 1)) throw invalidField('basicSatisfiedWeight');
  return c;
}
