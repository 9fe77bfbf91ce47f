import ExcelJS from 'exceljs';
import { text, type MessageKey } from '../../i18n/messages.js';
import { kpiTableRows, localTime, reportTitle, STAGE_LABEL, STATUS_LABEL } from './monthly-report.format.js';
import type { MonthlyReport } from './monthly-report.service.js';

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
 * The monthly report as an Excel workbook: 指标 (KPIs by unit), 考核排名, 热点问题, 超期工单.
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
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const INDICATOR_NAMES: Record<string, string> = {
  responseRate: '响应率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
};
const indicatorName = (key: string) => INDICATOR_NAMES[key] ?? key;
