import { text, type MessageKey } from '../../i18n/messages.js';
import { KPI_BY_KEY, type KpiKey } from '../kpi/definitions.js';
import type { MergedLineReportView } from '../../contract/channels.js';
import {
  kpiCell,
  kpiTableRows,
  LINE_MODE,
  localTime,
  percent,
  reportTitle,
  retirementCriterionText,
  STAGE_LABEL,
  STATUS_LABEL,
} from './monthly-report.format.js';
import type { MonthlyReport } from './monthly-report.service.js';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const table = (header: string[], rows: unknown[][], empty = '无') =>
  rows.length === 0
    ? `<p class="empty">${esc(empty)}</p>`
    : `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

const nonceAttr = (nonce: string | undefined) => (nonce ? ` nonce="${esc(nonce)}"` : '');

/** Print stylesheet: A4 landscape, tables that break between rows, no screen-only chrome. */
const CSS = `
@page { size: A4 landscape; margin: 14mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #111; margin: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; border-left: 4px solid #1677ff; padding-left: 8px; }
.meta { color: #555; font-size: 12px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; }
th { background: #e8eef7; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
.toolbar { margin: 12px 0; }
details.unscored { margin-top: 8px; font-size: 12px; color: #555; } details.unscored summary { cursor: pointer; }
@media print { details.unscored::details-content { content-visibility: visible; display: block; } details.unscored summary { list-style: none; } }
@media print { .toolbar { display: none; } body { margin: 0; } h2 { page-break-after: avoid; } section { page-break-inside: auto; } }
`;

/**
 * The units without a score (no scorable order this month, not ranked) folded into one line under the
 * ranking instead of a 无数据 row each — most of the list in a quiet month. On paper the fold prints open.
 */
const unscoredFold = (names: string[]) =>
  names.length === 0
    ? ''
    : `<details class="unscored"><summary>${esc(text('report.unscored', { n: names.length }).zh)}</summary><p>${esc(names.join('、'))}</p></details>`;

/**
 * 五、归并热线 (the centre's report only, as the .xlsx's sheet): per line the month's calls, 接通率,
 * appeals and share of all calls, the months before as the trend, the lines that meet the criterion.
 */
function mergedLinesSection(m: MergedLineReportView | null): string {
  if (!m) return '';
  const trendMonths = m.rows[0]?.trend.map((t) => t.month) ?? [];
  const count = (n: number | null) => (n === null ? '—' : n);
  return `<section><h2>五、归并热线</h2><p class="meta">${esc(retirementCriterionText(m.criterion))}</p>${table(
    [
      '号码',
      '名称',
      '原主管部门',
      '方式',
      '来电量',
      '接通量',
      '接通率',
      '受理诉求',
      '占全部来电',
      '符合撤并条件',
      ...trendMonths.map((month) => `${month} 来电`),
    ],
    [
      ...m.rows.map((row) => [
        row.number,
        row.name,
        row.formerDepartment ?? '—',
        row.mode ? LINE_MODE[row.mode] : '主号',
        row.offered,
        row.answered,
        percent(row.answerRate),
        row.appeals,
        percent(row.share),
        row.meetsRetirement ? '是' : '',
        ...row.trend.map((t) => count(t.offered)),
      ]),
      [
        '合计',
        '',
        '',
        '',
        m.total.offered,
        m.total.answered,
        percent(m.total.answerRate),
        m.total.appeals,
        m.total.offered > 0 ? percent(1) : '—',
        '',
        ...trendMonths.map(() => ''),
      ],
    ],
  )}</section>`;
}

/**
 * The printable monthly report (server-rendered HTML, opened from the console's 报表 page). `nonce`:
 * the response's Content-Security-Policy nonces, which its inline stylesheet and print script carry
 * (an inline `onclick` would be refused by the policy: the button did nothing).
 */
export function monthlyReportHtml(r: MonthlyReport, nonce?: { script: string; style: string }): string {
  const title = reportTitle(r);
  const indicatorKeys = r.ranking.rows[0]?.indicators.map((i) => i.key) ?? [];
  const scored = r.ranking.rows.filter((s) => s.score !== null);
  const unscored = r.ranking.rows.filter((s) => s.score === null);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style${nonceAttr(nonce?.style)}>${CSS}</style></head><body>
<h1>${esc(title)}</h1>
<div class="meta">生成时间 ${esc(localTime(r.generatedAt))} · 考核状态：${esc(STATUS_LABEL[r.ranking.status])}</div>
<div class="toolbar"><button type="button" id="print">打印 / Print</button></div>
<script${nonceAttr(nonce?.script)}>document.getElementById('print').addEventListener('click', () => window.print());</script>
<section><h2>一、主要指标</h2>${table(
    ['单位', ...r.kpiColumns.map((c) => c.name)],
    kpiTableRows(r).map((row) => [row.name, ...row.values.map((v, i) => kpiCell(r.kpiColumns[i]!.kind, v))]),
  )}</section>
<section><h2>二、考核排名</h2>${table(
    ['排名', '单位', '得分', '加权得分', '扣分', ...indicatorKeys.map((k) => KPI_BY_KEY[k as KpiKey]?.zh ?? k)],
    scored.map((s) => [
      s.rank ?? '—',
      s.unitName,
      s.score ?? '—',
      s.baseScore ?? '—',
      s.deductionPoints,
      ...s.indicators.map((i) => percent(i.value)),
    ]),
  )}${unscoredFold(unscored.map((s) => s.unitName))}</section>
<section><h2>三、热点问题</h2>${table(
    ['序号', '热点', '代表诉求', '区域', '本月', '上月'],
    r.hotspots.map((h, i) => [i + 1, h.label, h.representativeTitle, h.regionName ?? '—', h.count, h.previousCount]),
  )}</section>
<section><h2>四、超期工单</h2>${table(
    ['工单编号', '标题', '承办单位', '超期环节', '时限', '完成时间', '状态'],
    r.overdue.map((o) => [
      o.order_no,
      o.title,
      o.unit_name ?? '—',
      STAGE_LABEL[o.stage] ?? o.stage,
      localTime(o.due_at),
      localTime(o.ended_at),
      text(`label.state.${o.state}` as MessageKey).zh,
    ]),
  )}</section>
${mergedLinesSection(r.mergedLines)}
</body></html>`;
}
