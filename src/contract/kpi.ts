/**
 * The KPIs of lianxin by key (../shared/docs/domain.md, "Measures"). The definitions (formula, target)
 * live once in src/analytics/kpi/definitions.ts, which must define exactly these keys; the console
 * reads the keys and the report's shape from here.
 */
export const KPI_KEYS = [
  'answerRate',
  'answer15sRate',
  'answeredCalls',
  'intakeRate',
  'acceptedCount',
  'directCount',
  'directRate',
  'transferredCount',
  'closedCount',
  'closureRate',
  'timelySignRate',
  'responseRate',
  'onTimeClosureRate',
  'resolutionRate',
  'satisfactionRate',
  'returnRate',
  'rehandleRate',
  'repeatCallRate',
  'avgHandlingHours',
  'assistOnTimeRate',
  'hopOnTimeRate',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiKind = 'ratio' | 'count' | 'hours';

/**
 * Each KPI's name, Chinese first, written once: the definitions (src/analytics/kpi/definitions.ts) take
 * them from here, and the console names an assessment indicator by them (never by its key).
 */
export const KPI_NAMES: Readonly<Record<KpiKey, { readonly zh: string; readonly en: string }>> = {
  answerRate: { zh: '接通率', en: 'Answer rate' },
  answer15sRate: { zh: '15秒接通率', en: '15 s answer rate' },
  answeredCalls: { zh: '接通量', en: 'Calls answered' },
  intakeRate: { zh: '接收率', en: 'Intake rate' },
  acceptedCount: { zh: '受理量', en: 'Appeals accepted' },
  directCount: { zh: '直办量', en: 'Handled directly' },
  directRate: { zh: '直办率', en: 'Direct-handling rate' },
  transferredCount: { zh: '转办量', en: 'Transferred' },
  closedCount: { zh: '办结量', en: 'Closed' },
  closureRate: { zh: '办结率', en: 'Closure rate' },
  timelySignRate: { zh: '及时签收率', en: 'Timely sign-for rate' },
  responseRate: { zh: '响应率', en: 'Response rate' },
  onTimeClosureRate: { zh: '按时办结率', en: 'On-time closure rate' },
  resolutionRate: { zh: '解决率', en: 'Resolution rate' },
  satisfactionRate: { zh: '满意率', en: 'Satisfaction rate' },
  returnRate: { zh: '回退率', en: 'Return rate' },
  rehandleRate: { zh: '重办率', en: 'Re-handling rate' },
  repeatCallRate: { zh: '重复来电率', en: 'Repeat-call rate' },
  avgHandlingHours: { zh: '平均办理时长', en: 'Average handling time' },
  assistOnTimeRate: { zh: '协办按时率', en: 'Assisting on-time rate' },
  hopOnTimeRate: { zh: '下派按时答复率', en: 'Forwarded on-time rate' },
};

/**
 * Which way each KPI should move, declared once (ADR 0090): a rise of 重办率 is bad news, a rise of
 * 满意率 good news. Volumes (受理量, 接通量…) are 'neutral': more appeals are neither. Every colour of a
 * change (dashboard, wall) comes from kpiChangeTone, never from the sign alone.
 */
export type KpiBetter = 'higher' | 'lower' | 'neutral';
export const KPI_BETTER: Readonly<Record<KpiKey, KpiBetter>> = {
  answerRate: 'higher',
  answer15sRate: 'higher',
  answeredCalls: 'neutral',
  // More answered calls recorded as appeals is the aim: a call answered and not accepted is lost work (ADR 0136).
  intakeRate: 'higher',
  acceptedCount: 'neutral',
  directCount: 'neutral',
  directRate: 'higher',
  transferredCount: 'neutral',
  closedCount: 'higher',
  closureRate: 'higher',
  timelySignRate: 'higher',
  responseRate: 'higher',
  onTimeClosureRate: 'higher',
  resolutionRate: 'higher',
  satisfactionRate: 'higher',
  returnRate: 'lower',
  rehandleRate: 'lower',
  repeatCallRate: 'lower',
  avgHandlingHours: 'lower',
  assistOnTimeRate: 'higher',
  hopOnTimeRate: 'higher',
};

export type KpiTone = 'good' | 'bad' | 'neutral';

/** good / bad / neutral for a change of `kpi` by `delta` (null or 0: no change to colour). */
export function kpiChangeTone(kpi: KpiKey, delta: number | null): KpiTone {
  const better = KPI_BETTER[kpi];
  if (delta === null || delta === 0 || better === 'neutral') return 'neutral';
  return delta > 0 === (better === 'higher') ? 'good' : 'bad';
}

/**
 * KPIs only the centre produces: calls are answered and appeals accepted, handled directly or
 * merged by the centre, never by a unit, so for a unit they are always — (or 0 %). The unit
 * admin's dashboard leaves them out.
 */
export const CENTRE_ONLY_KPIS: ReadonlySet<KpiKey> = new Set<KpiKey>([
  'answerRate',
  'answer15sRate',
  'answeredCalls',
  'intakeRate',
  'directCount',
  'directRate',
  'repeatCallRate',
]);

/** A definition as the API returns it with every report (the console shows `formula` in a tooltip). */
export interface KpiDefinitionView {
  readonly key: KpiKey;
  readonly zh: string;
  readonly en: string;
  readonly kind: KpiKind;
  readonly formula: { readonly zh: string; readonly en: string };
  readonly target?: number;
}

export interface KpiFigureView {
  /** Ratio 0..1, count, or hours; null when the denominator is zero. */
  value: number | null;
  numerator: number;
  denominator: number | null;
  previous: number | null;
  change: number | null;
}

export interface KpiGroupView {
  key: string;
  name: string | null;
  counters: Readonly<Record<string, number>>;
  kpis: Record<KpiKey, KpiFigureView>;
}

/** GET /api/kpis. */
export interface KpiReportView {
  from: string;
  to: string;
  previous: { from: string; to: string };
  groupBy: string;
  definitions: readonly KpiDefinitionView[];
  total: KpiGroupView;
  groups: KpiGroupView[];
}

/** GET /api/kpis/now: the figures of this moment. */
export interface KpiNowView<At = string> {
  open: number;
  red: number;
  yellow: number;
  acceptedToday: number;
  closedToday: number;
  at: At;
}

/** GET /api/kpis/definitions. */
export interface KpiDefinitionsView {
  definitions: readonly KpiDefinitionView[];
}
