import { beforeAll, describe, expect, it } from 'vitest';
import { act, newOrder } from '../helpers/orders.js';
import type { Order } from '../../src/db/schema.js';
import { computeKpis, type KpiReport } from '../../src/analytics/kpi/kpi.service.js';
import { refreshKpiRollups } from '../../src/analytics/kpi/kpi-rollup.service.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld('2025-03-03T02:00:00Z'); // Monday 10:00 in Shanghai
const HOUR = 3600_000;

// All six orders are accepted on Monday 3 March 2025 (Shanghai); later steps fall on later days.
let o1: Order, o4: Order, o5: Order, o6: Order;

beforeAll(async () => {
  const { operator, dispatcher, supervisor, unit_handler: handlerA1, handlerB, handlerA1a } = w.actors;
  // o1: answered directly (直办)
  o1 = await newOrder(w, { appealType: 'consult' });
  o1 = await act(w, operator, o1, 'answer_directly', { answer: '按政策答复' });
  // o2: not accepted (无效件)
  const o2 = await newOrder(w);
  await act(w, operator, o2, 'reject', { reason: 'lawful_channel', explanation: '诉讼事项' });
  // o4: the full loop on time, satisfied and resolved
  o4 = await newOrder(w);
  // o3: a duplicate merged into o4 (重复件)
  const o3 = await newOrder(w);
  await act(w, operator, o3, 'merge', { intoOrderId: o4.id });
  o4 = await act(w, dispatcher, o4, 'dispatch', { leadUnitId: w.units.deptA1.id });
  w.clock.advance(HOUR);
  o4 = await act(w, handlerA1, o4, 'sign', {});
  w.clock.advance(HOUR);
  o4 = await act(w, handlerA1, o4, 'record_contact', { method: 'phone', summary: '已联系' });
  w.clock.advance(24 * HOUR);
  o4 = await act(w, handlerA1, o4, 'reply', { result: 'resolved', text: '已处理' });
  o4 = await act(w, supervisor, o4, 'review_accept', {});
  w.clock.advance(2 * HOUR);
  o4 = await act(w, supervisor, o4, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
  // o5: returned by A1, re-dispatched to B1, signed late, re-handled once, closed 基本满意 / not resolved
  w.clock.set('2025-03-03T04:00:00Z');
  o5 = await newOrder(w);
  o5 = await act(w, dispatcher, o5, 'dispatch', { leadUnitId: w.units.deptA1.id });
  o5 = await act(w, handlerA1, o5, 'request_return', { reason: '不属于本单位职责' });
  o5 = await act(w, dispatcher, o5, 'approve_return', {});
  o5 = await act(w, dispatcher, o5, 'dispatch', { leadUnitId: w.units.deptB1.id });
  w.clock.advance(50 * HOUR); // Wednesday: past the 1-working-day sign-for limit
  o5 = await act(w, handlerB, o5, 'sign', {});
  o5 = await act(w, handlerB, o5, 'reply', { result: 'partly', text: '部分解决' });
  o5 = await act(w, supervisor, o5, 'review_accept', {});
  o5 = await act(w, supervisor, o5, 'visit_rehandle', { resolved: false, reason: '未解决' });
  w.clock.advance(24 * HOUR);
  o5 = await act(w, handlerB, o5, 'reply', { result: 'resolved', text: '重新办理' });
  o5 = await act(w, supervisor, o5, 'review_accept', {});
  o5 = await act(w, supervisor, o5, 'visit_close', { reached: true, satisfaction: 'basically_satisfied', resolved: false });
  // o6: dispatched to a sub-team, signed on time, never contacted, still open
  w.clock.set('2025-03-03T05:00:00Z');
  o6 = await newOrder(w, { channel: 'web' });
  o6 = await act(w, dispatcher, o6, 'dispatch', { leadUnitId: w.units.teamA1a.id });
  w.clock.advance(HOUR);
  o6 = await act(w, handlerA1a, o6, 'sign', {});
  w.clock.set('2025-03-20T02:00:00Z');
});

const kpis = (groupBy: 'centre' | 'unit' | 'channel' = 'centre', extra: Record<string, unknown> = {}) =>
  computeKpis(w.deps, { centreId: w.centreId, from: '2025-03-01', to: '2025-03-31', groupBy, ...extra });

const value = (r: KpiReport, key: keyof KpiReport['total']['kpis']) => r.total.kpis[key].value;

describe('KPI formulas on a hand-made history', () => {
  it('counts intake outcomes: 受理量, 直办, 转办, 办结率, 重复来电率', async () => {
    const r = await kpis();
    const c = r.total.counters;
    expect([c.accepted, c.direct, c.transferred, c.closed, c.invalid, c.merged]).toEqual([6, 1, 3, 3, 1, 1]);
    expect(value(r, 'acceptedCount')).toBe(6);
    expect(value(r, 'directRate')).toBeCloseTo(1 / 6, 10);
    expect(r.total.kpis.closureRate).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(value(r, 'repeatCallRate')).toBeCloseTo(1 / 6, 10);
  });

  it('counts dispatches, returns, replies and re-handlings (回退率, 重办率)', async () => {
    const r = await kpis();
    expect(r.total.kpis.returnRate).toMatchObject({ numerator: 1, denominator: 4, value: 0.25 });
    expect(r.total.kpis.rehandleRate).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('judges deadlines on the last dispatch (及时签收率, 响应率, 按时办结率)', async () => {
    const r = await kpis();
    expect(r.total.kpis.timelySignRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(r.total.kpis.responseRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(r.total.kpis.onTimeClosureRate).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('rates the final return visit: 满意率 with a configurable 基本满意 weight, 解决率', async () => {
    const r = await kpis();
    expect(r.total.kpis.satisfactionRate).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    expect(r.total.kpis.resolutionRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    const strict = await kpis('centre', { params: { basicSatisfiedWeight: 0 } });
    expect(strict.total.kpis.satisfactionRate.value).toBe(0.5);
    const half = await kpis('centre', { params: { basicSatisfiedWeight: 0.5 } });
    expect(half.total.kpis.satisfactionRate.value).toBe(0.75);
  });

  it('averages handling time over closed orders', async () => {
    const r = await kpis();
    const hours = [o1, o4, o5].map((o) => (o.closed_at!.getTime() - o.accepted_at.getTime()) / HOUR);
    expect(r.total.kpis.avgHandlingHours.value).toBeCloseTo(hours.reduce((a, b) => a + b) / 3, 6);
  });

  it('groups by unit with sub-units, attributing returns to the unit that returned', async () => {
    const r = await kpis('unit');
    const by = Object.fromEntries(r.groups.map((g) => [g.key, g.counters]));
    const a = by[w.units.countyA.id]!;
    const b = by[w.units.countyB.id]!;
    expect([a.transferred, a.closed, a.dispatches, a.returns, a.signed_on_time]).toEqual([2, 1, 3, 1, 2]);
    expect([b.transferred, b.closed, b.dispatches, b.returns, b.rehandles, b.replies]).toEqual([1, 1, 1, 0, 1, 2]);
    expect(by.none).toMatchObject({ accepted: 3, direct: 1, closed: 1 });
    expect(r.groups.find((g) => g.key === w.units.countyA.id)?.name).toBe('A旗');
    const inA = await kpis('unit', { unitId: w.units.countyA.id });
    expect(inA.total.counters.transferred).toBe(2);
    expect(inA.groups.map((g) => g.key)).toEqual([w.units.deptA1.id]);
    expect(inA.groups[0]!.counters.accepted).toBe(2); // deptA1 with its sub-team
  });

  it('groups by channel and by day, and compares with the previous period', async () => {
    const byChannel = await kpis('channel' as 'unit');
    expect(Object.fromEntries(byChannel.groups.map((g) => [g.key, g.counters.accepted]))).toEqual({ phone: 5, web: 1 });
    const byDay = await kpis('day' as 'unit');
    expect(byDay.groups.map((g) => g.key)).toEqual(['2025-03-03']);
    const april = await computeKpis(w.deps, { centreId: w.centreId, from: '2025-04-01', to: '2025-04-30' });
    expect(april.previous).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(april.total.kpis.acceptedCount).toMatchObject({ value: 0, previous: 6, change: -6 });
    expect(april.total.kpis.closureRate).toMatchObject({ value: null, previous: 0.75, change: null });
  });

  it('gives the same figures from the daily rollups as from the raw events', async () => {
    const raw = await kpis('unit');
    const rawByChannel = await kpis('channel');
    expect(raw.source.rollupDays).toBe(0);
    await refreshKpiRollups(w.deps);
    await refreshKpiRollups(w.deps); // idempotent
    // By unit from the per-unit rollups, by channel from the five-dimension ones.
    const rolled = await kpis('unit');
    expect(rolled.source.rollupDays).toBeGreaterThan(0);
    expect(rolled.groups).toEqual(raw.groups);
    expect(rolled.total).toEqual(raw.total);
    const rolledByChannel = await kpis('channel');
    expect(rolledByChannel.groups).toEqual(rawByChannel.groups);
    expect(rolledByChannel.total).toEqual(raw.total);
    const sums = async (table: 'kpi_daily_rollups' | 'kpi_daily_unit_rollups') =>
      database.db
        .selectFrom(table)
        .select((eb) => [eb.fn.sum<number>('accepted').as('accepted'), eb.fn.sum<number>('replies').as('replies')])
        .where('centre_id', '=', w.centreId)
        .executeTakeFirstOrThrow();
    expect(await sums('kpi_daily_unit_rollups')).toEqual(await sums('kpi_daily_rollups'));
  });

  it('recomputes a rolled-up day touched by a later event before the next refresh', async () => {
    await refreshKpiRollups(w.deps);
    o6 = await act(w, w.actors.handlerA1a, o6, 'reply', { result: 'resolved', text: '已办' });
    const r = await kpis();
    expect(r.total.counters.replies).toBe(4);
    await refreshKpiRollups(w.deps);
    const after = await kpis();
    expect(after.total).toEqual(r.total);
  });

  it('lets two refreshes run at once without duplicating a day', async () => {
    const before = await kpis('unit');
    await database.db.deleteFrom('kpi_rollup_days').execute(); // force both to rebuild everything
    await Promise.all([refreshKpiRollups(w.deps), refreshKpiRollups(w.deps)]);
    const after = await kpis('unit');
    expect(after.source.rollupDays).toBeGreaterThan(0);
    expect(after.total).toEqual(before.total);
    expect(after.groups).toEqual(before.groups);
  });
});
