import { beforeAll, describe, expect, it } from 'vitest';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: { LIANXIN_KPI_BASIC_SATISFIED_WEIGHT: '0.5' } });
const clients = {} as Record<keyof World['usernames'], Client>;

beforeAll(async () => {
  for (const who of Object.keys(w.usernames) as (keyof World['usernames'])[]) clients[who] = await asUser(app, w, who);
  // one order closed in county A (基本满意), one dispatched to county B
  let a = await newOrder(w);
  a = await act(w, w.actors.dispatcher, a, 'dispatch', { leadUnitId: w.units.deptA1.id });
  a = await act(w, w.actors.unit_handler, a, 'sign', {});
  a = await act(w, w.actors.unit_handler, a, 'reply', { result: 'resolved', text: '已办' });
  a = await act(w, w.actors.supervisor, a, 'review_accept', {});
  await act(w, w.actors.supervisor, a, 'visit_close', { reached: true, satisfaction: 'basically_satisfied', resolved: true });
  const b = await newOrder(w);
  await act(w, w.actors.dispatcher, b, 'dispatch', { leadUnitId: w.units.deptB1.id });
});

const MARCH = '/api/kpis?from=2025-03-01&to=2025-03-31';

describe('GET /api/kpis', () => {
  it('gives the whole centre to leaders, analysts and supervisors, with definitions and the previous period', async () => {
    for (const who of ['leader', 'analyst', 'supervisor'] as const) {
      const res = await clients[who].get(`${MARCH}&groupBy=unit`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total.counters.transferred).toBe(2);
      expect(body.previous).toEqual({ from: '2025-02-01', to: '2025-02-28' });
      expect(body.groups.map((g: { key: string }) => g.key).sort()).toEqual([w.units.countyA.id, w.units.countyB.id].sort());
      const closure = body.definitions.find((d: { key: string }) => d.key === 'closureRate');
      expect(closure.formula.zh).toContain('办结量 ÷（直办量 + 转办量）');
    }
  });

  it('weights 基本满意 as configured (LIANXIN_KPI_BASIC_SATISFIED_WEIGHT)', async () => {
    const body = (await clients.leader.get(MARCH)).json();
    expect(body.params.basicSatisfiedWeight).toBe(0.5);
    expect(body.total.kpis.satisfactionRate).toMatchObject({ numerator: 0.5, denominator: 1, value: 0.5 });
  });

  it('holds a unit admin to their own subtree; another unit answers 404', async () => {
    const own = await clients.unit_admin.get(`${MARCH}&groupBy=unit`);
    expect(own.statusCode).toBe(200);
    expect(own.json().filter.unitId).toBe(w.units.countyA.id);
    expect(own.json().total.counters.transferred).toBe(1);
    expect((await clients.unit_admin.get(`${MARCH}&unitId=${w.units.deptA1.id}`)).statusCode).toBe(200);
    expect((await clients.unit_admin.get(`${MARCH}&unitId=${w.units.countyB.id}`)).statusCode).toBe(404);
  });

  it('refuses roles without the figures', async () => {
    for (const who of ['operator', 'dispatcher', 'unit_handler', 'auditor'] as const) {
      expect((await clients[who].get(MARCH)).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: MARCH })).statusCode).toBe(401);
  });

  it('answers 400 naming the field for bad periods and filters', async () => {
    const bad = async (q: string) => (await clients.leader.get(`/api/kpis?${q}`)).json().error.field as string;
    expect(await bad('from=2025-02-30&to=2025-03-01')).toBe('from');
    expect(await bad('from=2025-03-10&to=2025-03-01')).toBe('to');
    expect(await bad('from=2025-03-01')).toContain('to');
    expect(await bad('from=2025-03-01&to=2025-03-31&groupBy=planet')).toContain('groupBy');
    expect(await bad(`from=2025-03-01&to=2025-03-31&unitId=00000000-0000-4000-8000-000000000000`)).toBe('unitId');
  });

  it('gives live counts for the wall screen: open, red (overdue), accepted and closed today', async () => {
    const now = (await clients.leader.get('/api/kpis/now')).json();
    expect(now).toMatchObject({ open: 1, red: 0, acceptedToday: 2, closedToday: 1 });
    w.clock.advance(20 * 24 * 3600_000); // sessions expire: sign in again
    const later = (await (await asUser(app, w, 'leader')).get('/api/kpis/now')).json();
    expect(later).toMatchObject({ open: 1, red: 1, yellow: 0, acceptedToday: 0 });
    expect((await (await asUser(app, w, 'unit_admin')).get('/api/kpis/now')).json()).toMatchObject({ open: 0 });
    expect((await (await asUser(app, w, 'operator')).get('/api/kpis/now')).statusCode).toBe(403);
  });
});
