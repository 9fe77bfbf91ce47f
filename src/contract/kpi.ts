/**
 * The KPIs of lianxin by key (../shared/docs/domain.md, "Measures"). The definitions (formula, target)
 * live once in src/analytics/kpi/definitions.ts, which must define exactly these keys; the console
 * reads the keys and the report's shape from here.
 */
export const KPI_KEYS = [
  'answerRate',
  'answer15sRate',
  'answeredCalls',
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
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiKind = 'ratio' | 'count' | 'hours';

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
