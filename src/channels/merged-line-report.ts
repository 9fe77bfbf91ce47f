import {
  MAIN_HOTLINE,
  type LineMonthFigures,
  type MergedLineReportRow,
  type MergedLineReportView,
  type RetirementCriterionView,
} from '../contract/channels.js';
import type { MergedLine } from './channels.table.js';

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Counts of one number in one month, as the repository reads them. */
export interface LineMonthCount {
  month: string;
  number: string;
  offered: number;
  answered: number;
  appeals: number;
}

/** How many months before the report month the report reads: the trend (6) or the criterion, whichever is longer. */
export const trendMonths = (c: RetirementCriterionView) => Math.max(6, c.months);

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The monthly report per line (pure): for each line of the register and for 12345 itself, the month's
 * calls offered and answered, 接通率, appeals and share of all calls, the months before as the trend, and
 * whether a 双号并行 line meets the centre's retirement criterion — in each of the last `months` months
 * (all after the merger) at most `maxCalls` calls and at most `maxShare` of all calls.
 */
export function buildLineReport(input: {
  month: string;
  criterion: RetirementCriterionView;
  lines: readonly MergedLine[];
  counts: readonly LineMonthCount[];
}): MergedLineReportView {
  const { month, criterion } = input;
  const months = Array.from({ length: trendMonths(criterion) + 1 }, (_, i) => addMonths(month, i - trendMonths(criterion)));
  const totals = new Map<string, { offered: number; answered: number; appeals: number }>();
  const byKey = new Map<string, LineMonthCount>();
  for (const c of input.counts) {
    byKey.set(`${c.month}|${c.number}`, c);
    const t = totals.get(c.month) ?? { offered: 0, answered: 0, appeals: 0 };
    t.offered += c.offered;
    t.answered += c.answered;
    t.appeals += c.appeals;
    totals.set(c.month, t);
  }
  const figures = (number: string, m: string): LineMonthFigures => {
    const c = byKey.get(`${m}|${number}`);
    const offered = c?.offered ?? 0;
    const answered = c?.answered ?? 0;
    return {
      month: m,
      offered,
      answered,
      answerRate: ratio(answered, offered),
      appeals: c?.appeals ?? 0,
      share: ratio(offered, totals.get(m)?.offered ?? 0),
    };
  };
  const rowOf = (number: string, line: MergedLine | null): MergedLineReportRow => {
    const series = months.map((m) => figures(number, m));
    const now = series[series.length - 1]!;
    const window = series.slice(series.length - criterion.months);
    const mergedMonth = line?.merged_on.slice(0, 7) ?? null;
    const meetsRetirement =
      line?.mode === 'parallel' &&
      mergedMonth !== null &&
      window.every((f) => f.month >= mergedMonth && f.offered <= criterion.maxCalls && (f.share ?? 0) <= criterion.maxShare);
    return {
      ...now,
      lineId: line?.id ?? null,
      number,
      name: line?.name ?? MAIN_HOTLINE,
      formerDepartment: line?.former_department ?? null,
      mode: line?.mode ?? null,
      trend: series.slice(0, -1),
      meetsRetirement,
    };
  };
  const total = totals.get(month) ?? { offered: 0, answered: 0, appeals: 0 };
  return {
    month,
    criterion,
    total: { ...total, answerRate: ratio(total.answered, total.offered) },
    rows: [rowOf(MAIN_HOTLINE, null), ...input.lines.filter((l) => l.number !== MAIN_HOTLINE).map((l) => rowOf(l.number, l))],
  };
}
