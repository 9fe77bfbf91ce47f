import { KPI_KEYS, KPI_NAMES, type KpiKey, type KpiKind } from '../../contract/kpi.js';
import type { Counter, KpiCounters } from './counters.js';

/**
 * THE KPI definitions of lianxin (../shared/docs/domain.md, "Measures"), written once: the API
 * returns them with every answer and the console shows `formula` in the tooltip of each figure.
 * A KPI is a ratio (numerator / denominator, both sums of counters), a count, or an average.
 */
export { KPI_KEYS, type KpiKey, type KpiKind };

/** A term of a numerator or denominator: a counter times a weight (a number or a named parameter). */
export type Term = readonly [Counter, number | keyof KpiParams];

export interface KpiParams {
  /** Weight of 基本满意 in 满意率 (0 = only 满意 counts; 1 = both count fully). */
  readonly basicSatisfiedWeight: number;
}

export const DEFAULT_KPI_PARAMS: KpiParams = { basicSatisfiedWeight: 1 };

export interface KpiDefinition {
  readonly key: KpiKey;
  readonly zh: string;
  readonly en: string;
  readonly kind: KpiKind;
  readonly numerator: readonly Term[];
  /** Absent for counts. */
  readonly denominator?: readonly Term[];
  readonly formula: { readonly zh: string; readonly en: string };
  /** Target from the regulations, when there is one (ratio 0..1). */
  readonly target?: number;
}

const one = (c: Counter): Term => [c, 1];

export const KPI_DEFINITIONS = [
  {
    key: 'answerRate',
    ...KPI_NAMES.answerRate,
    kind: 'ratio',
    numerator: [one('calls_answered')],
    denominator: [one('calls_offered')],
    formula: { zh: '接通率 = 人工接通来电数 ÷ 呼入来电数（目标 ≥ 95%）', en: 'calls answered ÷ calls offered (target ≥ 95 %)' },
    target: 0.95,
  },
  {
    key: 'answer15sRate',
    ...KPI_NAMES.answer15sRate,
    kind: 'ratio',
    numerator: [one('calls_answered_15s')],
    denominator: [one('calls_offered')],
    formula: {
      zh: '15秒接通率 = 15 秒内接通的来电数 ÷ 呼入来电数（目标 ≥ 80%）',
      en: 'calls answered within 15 s ÷ calls offered (target ≥ 80 %)',
    },
    target: 0.8,
  },
  {
    key: 'answeredCalls',
    ...KPI_NAMES.answeredCalls,
    kind: 'count',
    numerator: [one('calls_answered')],
    formula: { zh: '接通量 = 人工接通的来电数', en: 'number of calls answered by an operator' },
  },
  {
    key: 'intakeRate',
    ...KPI_NAMES.intakeRate,
    kind: 'ratio',
    numerator: [one('calls_accepted')],
    denominator: [one('calls_answered')],
    formula: {
      zh: '接收率 = 受理为工单的接通来电数 ÷ 接通量（受理 ÷ 接通；一通来电受理多张工单计一次）',
      en: 'answered calls recorded as an order ÷ calls answered (accepted ÷ answered; a call with several orders counts once)',
    },
  },
  {
    key: 'acceptedCount',
    ...KPI_NAMES.acceptedCount,
    kind: 'count',
    numerator: [one('accepted')],
    formula: {
      zh: '受理量 = 期间内受理的工单数（含直办、转办、无效件、重复件）',
      en: 'orders accepted in the period (direct, transferred, invalid and duplicates alike)',
    },
  },
  {
    key: 'directCount',
    ...KPI_NAMES.directCount,
    kind: 'count',
    numerator: [one('direct')],
    formula: { zh: '直办量 = 中心直接答复办结、未派单的工单数', en: 'orders answered directly by the centre, never dispatched' },
  },
  {
    key: 'directRate',
    ...KPI_NAMES.directRate,
    kind: 'ratio',
    numerator: [one('direct')],
    denominator: [one('accepted')],
    formula: { zh: '直办率 = 直办量 ÷ 受理量', en: 'handled directly ÷ accepted' },
  },
  {
    key: 'transferredCount',
    ...KPI_NAMES.transferredCount,
    kind: 'count',
    numerator: [one('transferred')],
    formula: {
      zh: '转办量 = 派单至承办单位的工单数（改派只计一次）',
      en: 'orders dispatched to a unit (re-dispatch counted once)',
    },
  },
  {
    key: 'closedCount',
    ...KPI_NAMES.closedCount,
    kind: 'count',
    numerator: [one('closed')],
    formula: { zh: '办结量 = 直办办结 + 回访后办结的工单数', en: 'orders closed directly or after the return visit' },
  },
  {
    key: 'closureRate',
    ...KPI_NAMES.closureRate,
    kind: 'ratio',
    numerator: [one('closed')],
    denominator: [one('direct'), one('transferred')],
    formula: { zh: '办结率 = 办结量 ÷（直办量 + 转办量）', en: 'closed ÷ (handled directly + transferred)' },
  },
  {
    key: 'timelySignRate',
    ...KPI_NAMES.timelySignRate,
    kind: 'ratio',
    numerator: [one('signed_on_time')],
    denominator: [one('transferred')],
    formula: {
      zh: '及时签收率 = 在签收时限内签收的转办件 ÷ 转办量（按最后一次派单计）',
      en: 'transferred orders signed for within the limit ÷ transferred (last dispatch)',
    },
  },
  {
    key: 'responseRate',
    ...KPI_NAMES.responseRate,
    kind: 'ratio',
    numerator: [one('responded_on_time')],
    denominator: [one('transferred')],
    formula: {
      zh: '响应率 = 按时签收且在联系时限内联系诉求人的转办件 ÷ 应响应的转办件',
      en: 'signed for in time and citizen contacted in time ÷ transferred orders due',
    },
  },
  {
    key: 'onTimeClosureRate',
    ...KPI_NAMES.onTimeClosureRate,
    kind: 'ratio',
    numerator: [one('closed_on_time')],
    denominator: [one('transferred')],
    formula: {
      zh: '按时办结率 = 在办理时限（含批准的延期）内答复并办结的转办件 ÷ 应办结的转办件',
      en: 'closed with the final reply within the limit (incl. approved extensions) ÷ transferred orders due',
    },
  },
  {
    key: 'resolutionRate',
    ...KPI_NAMES.resolutionRate,
    kind: 'ratio',
    numerator: [one('visits_resolved')],
    denominator: [one('visits_valid')],
    formula: {
      zh: '解决率 = 回访中群众认为“已解决”的件数 ÷ 有效回访数（以办结前最终回访为准）',
      en: 'final return visits judged resolved ÷ valid visits',
    },
  },
  {
    key: 'satisfactionRate',
    ...KPI_NAMES.satisfactionRate,
    kind: 'ratio',
    numerator: [one('visits_satisfied'), ['visits_basic', 'basicSatisfiedWeight']],
    denominator: [one('visits_valid')],
    formula: {
      zh: '满意率 =（满意 + 基本满意 × 权重）÷ 有效回访数（以办结前最终回访为准）',
      en: '(satisfied + weight × basically satisfied) ÷ valid final return visits',
    },
  },
  {
    key: 'returnRate',
    ...KPI_NAMES.returnRate,
    kind: 'ratio',
    numerator: [one('returns')],
    denominator: [one('dispatches')],
    formula: { zh: '回退率 = 批准的退单次数 ÷ 派单次数', en: 'approved returns ÷ dispatches' },
  },
  {
    key: 'rehandleRate',
    ...KPI_NAMES.rehandleRate,
    kind: 'ratio',
    numerator: [one('rehandles')],
    denominator: [one('replies')],
    formula: { zh: '重办率 = 回访不满意退回重办次数 ÷ 答复次数', en: 're-handlings ÷ replies' },
  },
  {
    key: 'repeatCallRate',
    ...KPI_NAMES.repeatCallRate,
    kind: 'ratio',
    numerator: [one('merged')],
    denominator: [one('accepted')],
    formula: { zh: '重复来电率 = 并单的重复件数 ÷ 受理量', en: 'merged duplicates ÷ accepted' },
  },
  {
    key: 'avgHandlingHours',
    ...KPI_NAMES.avgHandlingHours,
    kind: 'hours',
    numerator: [['handling_seconds', 1 / 3600]],
    denominator: [one('closed')],
    formula: { zh: '平均办理时长（小时）= Σ（办结时间 − 受理时间）÷ 办结量', en: 'Σ (closed − accepted) ÷ closed, in hours' },
  },
  {
    key: 'assistOnTimeRate',
    ...KPI_NAMES.assistOnTimeRate,
    kind: 'ratio',
    numerator: [one('assist_on_time')],
    denominator: [one('assist_tasks')],
    formula: {
      zh: '协办按时率 = 时限内提交协办意见的协办任务数 ÷ 协办任务数（计入协办单位，不计入主办单位）',
      en: 'assisting tasks with the opinion submitted by the deadline ÷ assisting tasks (counted on the assisting unit, never the lead unit)',
    },
  },
  {
    key: 'hopOnTimeRate',
    ...KPI_NAMES.hopOnTimeRate,
    kind: 'ratio',
    numerator: [one('hops_on_time')],
    denominator: [one('hops')],
    formula: {
      zh: '下派按时答复率 = 在下派时限内向上级答复（或退回）的下派次数 ÷ 收到的下派次数（计入下级单位，不计入主办单位）',
      en: 'hops answered to the forwarding unit (replied or returned) by their deadline ÷ hops received (counted on the sub-unit, never the lead unit)',
    },
  },
] as const satisfies readonly KpiDefinition[];

/** Every key of the contract is defined here, and nothing else (a missing definition is a compile error). */
type Undefined = Exclude<KpiKey, (typeof KPI_DEFINITIONS)[number]['key']>;
export const EVERY_KPI_DEFINED: [Undefined] extends [never] ? true : Undefined = true;
if (KPI_DEFINITIONS.length !== KPI_KEYS.length) throw new Error('KPI_DEFINITIONS and KPI_KEYS disagree');

export const KPI_BY_KEY: Readonly<Record<KpiKey, KpiDefinition>> = Object.fromEntries(
  KPI_DEFINITIONS.map((d) => [d.key, d]),
) as unknown as Record<KpiKey, KpiDefinition>;

export interface KpiValue {
  /** Ratio 0..1, count, or hours; null when the denominator is zero. */
  value: number | null;
  numerator: number;
  denominator: number | null;
}

const sumTerms = (terms: readonly Term[], counters: KpiCounters, params: KpiParams) =>
  terms.reduce((s, [c, w]) => s + counters[c] * (typeof w === 'number' ? w : params[w]), 0);

/** Evaluates one definition on summed counters. */
export function evaluateKpi(def: KpiDefinition, counters: KpiCounters, params: KpiParams = DEFAULT_KPI_PARAMS): KpiValue {
  const numerator = sumTerms(def.numerator, counters, params);
  if (!def.denominator) return { value: numerator, numerator, denominator: null };
  const denominator = sumTerms(def.denominator, counters, params);
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

export function evaluateAll(counters: KpiCounters, params: KpiParams = DEFAULT_KPI_PARAMS): Record<KpiKey, KpiValue> {
  return Object.fromEntries(KPI_DEFINITIONS.map((d) => [d.key, evaluateKpi(d, counters, params)])) as Record<KpiKey, KpiValue>;
}
