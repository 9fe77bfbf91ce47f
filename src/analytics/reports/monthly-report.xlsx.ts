import ExcelJS from 'exceljs';
import { text, type MessageKey } from '../../i18n/messages.js';
import {
  kpiTableRows,
  LINE_MODE,
  localTime,
  reportTitle,
  retirementCriterionText,
  STAGE_LABEL,
  STATUS_LABEL,
} from './monthly-report.format.js';
import type { MonthlyReport } from './monthly-report.service.js';
import type { MergedLineReportView } from '../../contract/channels.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function table(sheet: ExcelJS.Worksheet, title: string, header: string[], rows: (string | number | null)[][]) {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  const h = sheet.addRow(header);
  h.font = { bold: true };
  h.eachCell((c) => (c.fill = HEADER_FILL));
  for (const r of rows) sheet.addRow(r.map((v) => v ?? ''));
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 28 : Math.max(12, (header[i]?.length ?? 4) * 2 + 2)));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

/**
 * The monthly report as an Excel workbook: 指标 (KPIs by unit), 考核排名, 热点问题, 超期工单, 按渠道 and,
 * in the centre's report, 归并热线.
 * Ratios are written as numbers with a percent format so they can be computed with in Excel.
 */
export async function monthlyReportXlsx(r: MonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lianxin 连心桥';
  wb.created = r.generatedAt;
  const kpi = wb.addWorksheet('指标');
  table(
    kpi,
    `${reportTitle(r)} · 主要指标`,
    ['单位', ...r.kpiColumns.map((c) => c.name)],
    kpiTableRows(r).map((row) => [row.name, ...row.values]),
  );
  r.kpiColumns.forEach((c, i) => {
    if (c.kind === 'ratio') kpi.getColumn(i + 2).numFmt = '0.00%';
  });
  if (r.kpiTotal) kpi.lastRow!.font = { bold: true };

  const rank = wb.addWorksheet('考核排名');
  const indicatorNames = r.ranking.rows[0]?.indicators.map((i) => i.key) ?? [];
  table(
    rank,
    `${reportTitle(r)} · 考核排名（${STATUS_LABEL[r.ranking.status]}）`,
    ['排名', '单位', '得分', '加权得分', '扣分', '超期', '退单', '重办', '剔除工单', ...indicatorNames.map(indicatorName)],
    r.ranking.rows.map((s) => [
      s.rank,
      s.unitName,
      s.score,
      s.baseScore,
      s.deductionPoints,
      s.deductions.overdue,
      s.deductions.returns,
      s.deductions.rehandles,
      s.excludedOrders,
      ...s.indicators.map((i) => i.value),
    ]),
  );
  // The indicators follow the nine fixed columns: numbers with a percent format, like the 指标 sheet.
  indicatorNames.forEach((_, i) => (rank.getColumn(10 + i).numFmt = '0.00%'));

  const hot = wb.addWorksheet('热点问题');
  table(
    hot,
    `${reportTitle(r)} · 热点问题`,
    ['序号', '热点', '代表诉求', '区域', '本月件数', '上月件数', '环比增长'],
    r.hotspots.map((h, i) => [
      i + 1,
      h.label,
      h.representativeTitle,
      h.regionName,
      h.count,
      h.previousCount,
      h.growth === null ? '新增' : `${(h.growth * 100).toFixed(0)}%`,
    ]),
  );

  const overdue = wb.addWorksheet('超期工单');
  table(
    overdue,
    `${reportTitle(r)} · 超期工单`,
    ['工单编号', '标题', '承办单位', '超期环节', '时限', '完成时间', '状态'],
    r.overdue.map((o) => [
      o.order_no,
      o.title,
      o.unit_name,
      STAGE_LABEL[o.stage] ?? o.stage,
      localTime(o.due_at),
      localTime(o.ended_at),
      text(`label.state.${o.state}` as MessageKey).zh,
    ]),
  );
  channelSheet(wb, r);
  if (r.mergedLines) mergedLinesSheet(wb, r, r.mergedLines);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 按渠道: how many came in by each channel and how they fared (GET /api/kpis?groupBy=channel). */
function channelSheet(wb: ExcelJS.Workbook, r: MonthlyReport) {
  const sheet = wb.addWorksheet('按渠道');
  table(
    sheet,
    `${reportTitle(r)} · 按受理渠道`,
    ['渠道', ...r.channelColumns.map((c) => c.name)],
    r.channelRows.map((row) => [row.name, ...row.values]),
  );
  r.channelColumns.forEach((c, i) => {
    if (c.kind === 'ratio') sheet.getColumn(i + 2).numFmt = '0.00%';
  });
}

/**
 * 归并热线 (GET /api/merged-lines/report): per line the month's calls, 接通率, appeals and share of all
 * calls, the months before as the trend, and the lines that meet the centre's retirement criterion.
 */
function mergedLinesSheet(wb: ExcelJS.Workbook, r: MonthlyReport, m: MergedLineReportView) {
  const sheet = wb.addWorksheet('归并热线');
  const c = m.criterion;
  const trendMonths = m.rows[0]?.trend.map((t) => t.month) ?? [];
  const fixed = ['号码', '名称', '原主管部门', '方式', '来电量', '接通量', '接通率', '受理诉求', '占全部来电', '符合撤并条件'];
  table(
    sheet,
    `${reportTitle(r)} · 归并热线（${retirementCriterionText(c)}）`,
    [...fixed, ...trendMonths.map((month) => `${month} 来电`)],
    [
      ...m.rows.map((row) => [
        row.number,
        row.name,
        row.formerDepartment,
        row.mode ? LINE_MODE[row.mode] : '主号',
        row.offered,
        row.answered,
        row.answerRate,
        row.appeals,
        row.share,
        row.meetsRetirement ? '是' : '',
        ...row.trend.map((t) => t.offered),
      ]),
      [
        '合计',
        null,
        null,
        null,
        m.total.offered,
        m.total.answered,
        m.total.answerRate,
        m.total.appeals,
        m.total.offered > 0 ? 1 : null,
        null,
      ],
    ],
  );
  for (const column of [7, 9]) sheet.getColumn(column).numFmt = '0.00%';
  sheet.lastRow!.font = { bold: true };
}

const INDICATOR_NAMES: Record<string, string> = {
  responseRate: '响应率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
};
const indicatorName = (key: string) => INDICATOR_NAMES[key] ?? key;
