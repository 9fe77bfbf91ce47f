import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MonthAssessmentView } from '../../src/contract/analytics.js';
import type { Order } from '../../src/db/schema.js';
import type { World } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-10-13T01:00:00Z' });
let late: Order;
const MIN = 60_000;

async function closedAt(unitId: string, handler: World['actors'][keyof World['actors']], title: string, signDelay = 0) {
  let x = await newOrder(w, { title, content: title });
  x = await act(w, w.actors.dispatcher, x, 'dispatch', { leadUnitId: unitId });
  w.clock.advance(signDelay + MIN);
  x = await act(w, handler, x, 'sign', {});
  x = await act(w, handler, x, 'record_contact', { method: 'phone', summary: '已联系' });
  x = await act(w, handler, x, 'reply', { result: 'resolved', text: '已处理' });
  x = await act(w, w.actors.supervisor, x, 'review_accept', {});
  return act(w, w.actors.supervisor, x, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
}

async function download(client: Awaited<ReturnType<typeof asUser>>, url: string) {
  const res = await client.request({ method: 'GET', url });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet below its title and header, as plain values keyed by header text. */
function rows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let i = 3; i <= sheet.rowCount; i++) {
    const values = (sheet.getRow(i).values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? null])));
  }
  return out;
}

beforeAll(async () => {
  // County A: three appeals about the same broken water main (a hot issue), all closed satisfied.
  for (const t of ['滨河小区自来水管爆裂停水', '滨河小区自来水管爆裂，全楼停水', '滨河小区停水，自来水管爆裂无人修']) {
    await closedAt(w.units.deptA1.id, w.actors.unit_handler, t);
  }
  // County B: one appeal signed three days late (overdue).
  late = await closedAt(w.units.deptB1.id, w.actors.handlerB, '公交站牌损坏', 3 * 24 * 60 * MIN);
  w.clock.set('2025-11-03T02:00:00Z');
});

describe('GET /api/reports/monthly.xlsx', () => {
  it('writes the centre report with KPI, ranking, hot-issue and overdue sheets that parse back', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const wb = await download(analyst, '/api/reports/monthly.xlsx?month=2025-10');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['指标', '考核排名', '热点问题', '超期工单', '按渠道', '归并热线']);
    const kpi = wb.getWorksheet('指标')!;
    expect(String(kpi.getCell('A1').value)).toContain('2025-10 月度报告');
    const kpiRows = rows(kpi);
    const a = kpiRows.find((r) => r['单位'] === 'A旗')!;
    expect(a['转办量']).toBe(3);
    expect(a['办结量']).toBe(3);
    expect(a['满意率']).toBe(1);
    expect(a['响应率']).toBe(1);
    const b = kpiRows.find((r) => r['单位'] === 'B旗')!;
    expect(b['响应率']).toBe(0);
    expect(kpi.getColumn(2 + 4).numFmt).toBe('0.00%');
    const total = kpiRows[kpiRows.length - 1]!;
    expect(total['单位']).toBe('合计');
    expect(total['转办量']).toBe(4);

    const ranking = rows(wb.getWorksheet('考核排名')!);
    // A: 100 (all in time, all satisfied); B: response 0 → 0·30 + 35 + 35 = 70, minus one overdue (1 point) = 69.
    expect(ranking.slice(0, 2).map((r) => [r['单位'], r['排名'], r['得分']])).toEqual([
      ['A旗', 1, 100],
      ['B旗', 2, 69],
    ]);
    // The indicators are numbers shown as percentages (computable in Excel), not the text "100.00%".
    const rankSheet = wb.getWorksheet('考核排名')!;
    expect([ranking[0]!['响应率'], ranking[1]!['响应率'], ranking[1]!['满意率']]).toEqual([1, 0, 1]);
    const responseCol = (rankSheet.getRow(2).values as unknown[]).indexOf('响应率');
    const cell = rankSheet.getRow(3).getCell(responseCol);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.numFmt).toBe('0.00%');
    const hot = rows(wb.getWorksheet('热点问题')!);
    expect(hot).toHaveLength(1);
    expect(hot[0]!['本月件数']).toBe(3);
    expect(String(hot[0]!['热点'])).toMatch(/滨河|自来水|爆裂/);
    const overdue = rows(wb.getWorksheet('超期工单')!);
    expect(overdue.map((r) => r['工单编号'])).toEqual([late.order_no]);
    expect(overdue[0]!['承办单位']).toBe('B旗住建局');
  });

  it('gives a unit admin the report of their own unit only', async () => {
    const unitAdmin = await asUser(app, w, 'unit_admin'); // county A
    const wb = await download(unitAdmin, '/api/reports/monthly.xlsx?month=2025-10');
    expect(String(wb.getWorksheet('指标')!.getCell('A1').value)).toContain('A旗');
    // The merged hotlines are the whole hotline's figures: not in a unit's report.
    expect(wb.worksheets.map((s) => s.name)).toEqual(['指标', '考核排名', '热点问题', '超期工单', '按渠道']);
    const kpiRows = rows(wb.getWorksheet('指标')!);
    // All of county A's orders sit on dept A1: one row, no sum row repeating it.
    expect(kpiRows.map((r) => [r['单位'], r['转办量']])).toEqual([['A旗住建局', 3]]);
    expect(rows(wb.getWorksheet('超期工单')!)).toHaveLength(0);
    expect(rows(wb.getWorksheet('考核排名')!).map((r) => r['单位'])).toEqual(['A旗']);
    const other = await unitAdmin.get(`/api/reports/monthly.xlsx?month=2025-10&unitId=${w.units.countyB.id}`);
    expect(other.statusCode).toBe(404);
    const handler = await asUser(app, w, 'unit_handler');
    expect((await handler.get('/api/reports/monthly.xlsx?month=2025-10')).statusCode).toBe(403);
    const bad = await unitAdmin.get('/api/reports/monthly.xlsx?month=2025-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('month');
  });

  it("lists a unit once on its own printable report, and marks the unit's own orders next to its sub-units", async () => {
    const unitAdmin = await asUser(app, w, 'unit_admin'); // county A
    const kpiSection = (html: string) => /一、主要指标(.*?)<\/section>/s.exec(html)![1]!;
    const cells = (html: string) =>
      [...kpiSection(html).matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    const dept = await unitAdmin.get(`/api/reports/monthly.html?month=2025-10&unitId=${w.units.deptA1.id}`);
    expect(dept.statusCode).toBe(200);
    expect(cells(dept.body)).toEqual([['A旗住建局', '3']]);

    // November: one order dispatched to county A itself, one to its dept A1.
    for (const unitId of [w.units.countyA.id, w.units.deptA1.id]) {
      const x = await newOrder(w, { title: '小区垃圾清运不及时', content: '小区垃圾清运不及时' });
      await act(w, w.actors.dispatcher, x, 'dispatch', { leadUnitId: unitId });
    }
    const county = await unitAdmin.get('/api/reports/monthly.html?month=2025-11');
    expect(cells(county.body)).toEqual([
      ['A旗（本级）', '1'],
      ['A旗住建局', '1'],
      ['合计', '2'],
    ]);
  });

  it('folds the units without data into one line under the ranking, the figures those of /api/assessment', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const api = (await analyst.get('/api/assessment/months/2025-10')).json<MonthAssessmentView>();
    const assessed = api.rows.filter((r) => r.parentUnitId === null);
    const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);
    const scored = assessed.filter((r) => r.score !== null);
    const unscored = assessed.filter((r) => r.score === null);
    expect(scored.length).toBeGreaterThan(0);
    expect(unscored.length).toBeGreaterThan(0);

    const html = (await analyst.get('/api/reports/monthly.html?month=2025-10')).body;
    const section = /二、考核排名(.*?)<\/section>/s.exec(html)![1]!;
    const tableRows = [...section.matchAll(/<tr>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]),
    );
    // One row per scored unit, in the API's order, with the API's rank, score, base, deduction and indicators.
    expect(tableRows).toEqual(
      scored.map((r) => [
        String(r.rank),
        r.unitName,
        String(r.score),
        String(r.baseScore),
        String(r.deductionPoints),
        ...r.indicators.map((i) => pct(i.value)),
      ]),
    );
    expect(section).not.toContain('<td>—</td><td>' + unscored[0]!.unitName);
    // The rest: one fold naming how many and which.
    const fold = /<details class="unscored"><summary>([^<]*)<\/summary><p>([^<]*)<\/p><\/details>/.exec(section);
    expect(fold?.[1]).toBe(`无数据单位 ${unscored.length} 个（本月没有可计分的工单，不参与排名）`);
    expect(fold?.[2]!.split('、')).toEqual(unscored.map((r) => r.unitName));
  });

  it('serves a printable page with print CSS and escaped content', async () => {
    const leader = await asUser(app, w, 'leader');
    const res = await leader.get('/api/reports/monthly.html?month=2025-10');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('@media print');
    expect(res.body).toContain('考核排名');
    expect(res.body).toContain(late.order_no);
    // The one script is the page's own print button, named by the nonce of this answer's policy.
    const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    const nonce = /script-src[^;]*'nonce-([0-9a-f]+)'/.exec(String(res.headers['content-security-policy']))?.[1];
    expect(nonce).toBeTruthy();
    expect(scripts).toEqual([` nonce="${nonce}"`]);
    expect(res.body).not.toMatch(/ on[a-z]+=/);
  });
});
