import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { createTestDatabase } from '../helpers/test-db.js';

let database: Database;
let w: World;
let app: FastifyInstance;

async function closedWith(satisfaction: 'satisfied' | 'basically_satisfied') {
  let o = await newOrder(w);
  o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
  o = await act(w, w.actors.unit_handler, o, 'sign', {});
  o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已办' });
  o = await act(w, w.actors.supervisor, o, 'review_accept', {});
  await act(w, w.actors.supervisor, o, 'visit_close', { reached: true, satisfaction, resolved: true });
}

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildWorld(database, '2025-03-03T02:00:00Z');
  app = await buildTestApp(w, { LIANXIN_KPI_BASIC_SATISFIED_WEIGHT: '0' });
  await closedWith('satisfied');
  await closedWith('basically_satisfied');
  w.clock.set('2025-04-02T02:00:00Z');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('LIANXIN_KPI_BASIC_SATISFIED_WEIGHT reaches every KPI reader', () => {
  it('gives the same 满意率 in /api/kpis and in the monthly report for the same month and unit', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const kpis = (await analyst.get(`/api/kpis?from=2025-03-01&to=2025-03-31&unitId=${w.units.countyA.id}`)).json();
    expect(kpis.total.kpis.satisfactionRate.value).toBe(0.5);

    const res = await analyst.request({
      method: 'GET',
      url: `/api/reports/monthly.xlsx?month=2025-03&unitId=${w.units.countyA.id}`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('指标')!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const values = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(values[header.indexOf('满意率')]).toBe(0.5);
  });
});
