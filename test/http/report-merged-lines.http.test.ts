import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';
import { CHANNEL_LABELS } from '../../src/contract/labels.js';
import type { Channel } from '../../src/contract/vocabulary.js';
import type { MergedLineReportView } from '../../src/contract/channels.js';
import type { KpiReportView } from '../../src/contract/kpi.js';
import { CHANNEL_REPORT_KPIS } from '../../src/analytics/reports/monthly-report.service.js';

// Issue 16: the monthly .xlsx carries the 归并热线 sheet (GET /api/merged-lines/report) and a 按渠道
// sheet (GET /api/kpis?groupBy=channel); read back with exceljs, their figures are the API's.
const TOKEN = 'cti-test-token-0123456789';
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: { LIANXIN_CTI_TOKEN: TOKEN } });
let analyst: Client;

let seq = 0;
function call(hotlineNumber: string | undefined, offeredAt: string, answered: boolean) {
  seq += 1;
  const at = new Date(Date.parse(offeredAt) + 60_000).toISOString();
  const payload = answered
    ? { callId: `R-${seq}`, event: 'ended', offeredAt, answeredAt: new Date(Date.parse(offeredAt) + 5000).toISOString(), at }
    : { callId: `R-${seq}`, event: 'abandoned', offeredAt, at };
  return app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: { ...payload, ...(hotlineNumber ? { hotlineNumber } : {}) },
  });
}

beforeAll(async () => {
  const admin = await asUser(app, w, 'admin');
  const operator = await asUser(app, w, 'operator');
  const line = (number: string, name: string, mode: 'parallel' | 'retired') => ({
    number,
    name,
    formerDepartment: `${name}主管部门`,
    mode,
    mergedOn: '2024-10-01',
    ...(mode === 'retired' ? { retiredOn: '2024-12-01' } : {}),
  });
  for (const l of [
    line('12315', '市场监管投诉举报热线', 'parallel'),
    line('12301', '旅游服务热线', 'parallel'),
    line('12336', '自然资源违法举报热线', 'retired'),
  ])
    expect((await admin.post('/api/merged-lines', l)).statusCode).toBe(201);
  expect(
    (
      await admin.request({
        method: 'PUT',
        url: '/api/merged-lines/criterion',
        payload: { maxCalls: 2, maxShare: 0.4, months: 2 },
      })
    ).statusCode,
  ).toBe(200);
  // March (UTC+8): 12345 four calls, three answered; 12315 three, two answered; 12301 one, answered.
  // February: 12345 two; 12301 one (so 12301 meets the criterion: ≤ 2 calls and ≤ 40 % of all calls in both months).
  const calls: [string | undefined, string, boolean][] = [
    ['12345', '2025-03-03T01:00:00Z', true],
    ['12345', '2025-03-04T01:00:00Z', true],
    [undefined, '2025-03-05T01:00:00Z', true],
    ['12345', '2025-03-06T01:00:00Z', false],
    ['12315', '2025-03-03T02:00:00Z', true],
    ['12315', '2025-03-04T02:00:00Z', true],
    ['12315', '2025-03-05T02:00:00Z', false],
    ['12301', '2025-03-07T02:00:00Z', true],
    ['12345', '2025-02-03T01:00:00Z', true],
    ['12345', '2025-02-04T01:00:00Z', true],
    ['12301', '2025-02-05T02:00:00Z', true],
  ];
  for (const [n, at, answered] of calls) expect((await call(n, at, answered)).statusCode).toBe(200);
  // March appeals: three by phone (12315 twice, 12345 once), a letter, an e-mail and one from a grid worker.
  const appeal = (over: Record<string, unknown>) =>
    operator.post('/api/orders', { appealType: 'consult', priority: 3, title: '咨询', content: '来电咨询办事流程', ...over });
  for (const over of [
    { channel: 'phone', sourceNumber: '12315' },
    { channel: 'phone', sourceNumber: '12315' },
    { channel: 'phone' },
    { channel: 'letter' },
    { channel: 'email' },
    { channel: 'grid' },
  ])
    expect((await appeal(over)).statusCode).toBe(201);
  w.clock.set('2025-04-02T02:00:00Z');
  analyst = await asUser(app, w, 'analyst'); // signed in after the clock moved (sessions expire)
});

async function workbook(url: string) {
  const res = await analyst.get(url);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Rows below the title and header, keyed by header text; an empty cell reads as null. */
function rows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let i = 3; i <= sheet.rowCount; i++) {
    const values = (sheet.getRow(i).values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, j) => [h, values[j] === undefined || values[j] === '' ? null : values[j]])));
  }
  return out;
}

describe('the monthly report’s 归并热线 and 按渠道 sheets', () => {
  it('归并热线 holds the API’s figures for the month, line by line, with the trend and the retirement mark', async () => {
    const api = (await analyst.get('/api/merged-lines/report?month=2025-03')).json<MergedLineReportView>();
    const sheet = (await workbook('/api/reports/monthly.xlsx?month=2025-03')).getWorksheet('归并热线')!;
    expect(String(sheet.getCell('A1').value)).toContain('连续 2 个月来电不超过 2 个且占比不超过 40.0%');
    const got = rows(sheet);
    expect(got.map((r) => r['号码'])).toEqual([...api.rows.map((r) => r.number), '合计']);
    for (const [i, line] of api.rows.entries()) {
      const row = got[i];
      expect(row).toMatchObject({
        名称: line.name,
        来电量: line.offered,
        接通量: line.answered,
        接通率: line.answerRate,
        受理诉求: line.appeals,
        占全部来电: line.share,
        符合撤并条件: line.meetsRetirement ? '是' : null,
      });
      for (const t of line.trend) expect(row[`${t.month} 来电`]).toBe(t.offered);
    }
    expect(got.at(-1)).toMatchObject({ 来电量: api.total.offered, 接通量: api.total.answered, 受理诉求: api.total.appeals });
    // And the API's figures are the fixture's, counted by hand.
    const byNumber = Object.fromEntries(got.map((r) => [r['号码'], r]));
    expect(byNumber['12345']).toMatchObject({ 来电量: 4, 接通量: 3, 接通率: 0.75, 受理诉求: 1, 占全部来电: 0.5 });
    expect(byNumber['12315']).toMatchObject({ 来电量: 3, 接通量: 2, 受理诉求: 2, 符合撤并条件: null });
    expect(byNumber['12301']).toMatchObject({ 来电量: 1, 接通量: 1, 接通率: 1, 占全部来电: 0.125, 符合撤并条件: '是' });
    expect(byNumber['12301']['2025-02 来电']).toBe(1);
    expect(byNumber['12336']).toMatchObject({ 方式: '已并入12345', 来电量: 0, 符合撤并条件: null });
    expect(byNumber['合计']).toMatchObject({ 来电量: 8, 接通量: 6, 受理诉求: 3 });
    expect(sheet.getColumn(7).numFmt).toBe('0.00%');
  });

  it('按渠道 holds the API’s KPIs grouped by channel for the same month', async () => {
    const api = (await analyst.get('/api/kpis?from=2025-03-01&to=2025-03-31&groupBy=channel')).json<KpiReportView>();
    const got = rows((await workbook('/api/reports/monthly.xlsx?month=2025-03')).getWorksheet('按渠道')!);
    expect(got.map((r) => r['渠道'])).toEqual(api.groups.map((g) => CHANNEL_LABELS[g.key as Channel].zh));
    const header = (await workbook('/api/reports/monthly.xlsx?month=2025-03')).getWorksheet('按渠道')!.getRow(2)
      .values as string[];
    for (const [i, group] of api.groups.entries()) {
      CHANNEL_REPORT_KPIS.forEach((key, k) => expect(got[i][header[k + 2]]).toEqual(group.kpis[key].value));
    }
    const accepted = Object.fromEntries(got.map((r) => [r['渠道'], r['受理量']]));
    expect(accepted).toMatchObject({ 电话: 3, 来信: 1, 电子邮件: 1, 网格员: 1 });
  });
});

describe('the printable monthly report’s 归并热线 section', () => {
  /** The section's rows as cell texts (header row first). */
  const sectionRows = (html: string) => {
    const section = /<h2>五、归并热线<\/h2>(.*?)<\/section>/s.exec(html)?.[1];
    expect(section, 'the centre report has the 归并热线 section').toBeDefined();
    return {
      criterion: /<p class="meta">([^<]*)<\/p>/.exec(section!)?.[1],
      rows: [...section!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
        [...m[1]!.matchAll(/<t[hd]>([^<]*)<\/t[hd]>/g)].map((c) => c[1]),
      ),
    };
  };

  it('prints the API’s figures line by line, with the trend, the retirement mark and the total', async () => {
    const api = (await analyst.get('/api/merged-lines/report?month=2025-03')).json<MergedLineReportView>();
    const res = await analyst.get('/api/reports/monthly.html?month=2025-03');
    expect(res.statusCode).toBe(200);
    const { criterion, rows: printed } = sectionRows(res.body);
    expect(criterion).toBe('撤并条件：连续 2 个月来电不超过 2 个且占比不超过 40.0%');
    const [header, ...body] = printed;
    const trendMonths = api.rows[0]!.trend.map((t) => t.month);
    expect(header).toEqual([
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
      ...trendMonths.map((m) => `${m} 来电`),
    ]);
    const byNumber = Object.fromEntries(body.map((r) => [r[0], r]));
    expect(body.map((r) => r[0])).toEqual([...api.rows.map((r) => r.number), '合计']);
    // The fixture's figures, counted by hand (as the .xlsx test above).
    expect(byNumber['12345']!.slice(3, 10)).toEqual(['主号', '4', '3', '75.00%', '1', '50.00%', '']);
    expect(byNumber['12315']!.slice(0, 10)).toEqual([
      '12315',
      '市场监管投诉举报热线',
      '市场监管投诉举报热线主管部门',
      '双号并行',
      '3',
      '2',
      '66.67%',
      '2',
      '37.50%',
      '',
    ]);
    expect(byNumber['12301']!.slice(3, 10)).toEqual(['双号并行', '1', '1', '100.00%', '0', '12.50%', '是']);
    expect(byNumber['12301']![10 + trendMonths.indexOf('2025-02')]).toBe('1');
    expect(byNumber['12336']!.slice(3, 10)).toEqual(['已并入12345', '0', '0', '—', '0', '0.00%', '']);
    expect(byNumber['合计']!.slice(4, 9)).toEqual(['8', '6', '75.00%', '3', '100.00%']);
    // Every line's trend as the API has it.
    for (const line of api.rows) expect(byNumber[line.number]!.slice(10)).toEqual(line.trend.map((t) => String(t.offered)));
  });
});
