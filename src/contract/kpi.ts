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
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiKind = 'ratio' | 'count' | 'hours';

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
