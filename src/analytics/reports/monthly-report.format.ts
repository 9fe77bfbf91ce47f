import { STAGE_LABELS } from '../../contract/labels.js';
import type { MonthlyReport } from './monthly-report.service.js';

/** Shared cell texts of the .xlsx and the printable page. */
export const STATUS_LABEL = { draft: '未冻结（实时）', frozen: '已冻结' } as const;

/** Row names of the KPI table: the sum row, a unit's own orders next to its sub-units, undispatched orders. */
export { KPI_ROW_LABEL } from './monthly-report.words.js';

/** The stage words of the one label table (src/contract/labels.ts), in Chinese. */
export const STAGE_LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(STAGE_LABELS).map(([stage, words]) => [stage, words.zh]),
);

/** How a merged hotline runs beside 12345 (归并热线); the main number's own row has none. */
export const LINE_MODE = { parallel: '双号并行', retired: '已并入12345' } as const;

/** The 归并热线 table's title: the centre's retirement criterion (撤并条件) in words. */
export const retirementCriterionText = (c: { months: number; maxCalls: number; maxShare: number }) =>
  `撤并条件：连续 ${c.months} 个月来电不超过 ${c.maxCalls} 个且占比不超过 ${(c.maxShare * 100).toFixed(1)}%`;

export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

export const kpiCell = (kind: string, v: number | null) => (kind === 'ratio' ? percent(v) : v === null ? '—' : String(v));

export function reportTitle(r: MonthlyReport): string {
  return `${r.unitName ?? r.centreName} ${r.month} 月度报告`;
}

export const localTime = (at: Date | null) =>
  at ? new Date(at).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16) : '—';

/** The KPI table's rows: one per unit, then the sum row when there is one. */
export const kpiTableRows = (r: MonthlyReport) => (r.kpiTotal ? [...r.kpiRows, r.kpiTotal] : r.kpiRows);
