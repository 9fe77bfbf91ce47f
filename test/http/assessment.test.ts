import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { computeMonthScores } from '../../src/analytics/assessment/assessment.service.js';
import { DEFAULT_ASSESSMENT_CONFIG } from '../../src/analytics/assessment/assessment-config.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-10-13T01:00:00Z' }); // Monday 13 October 2025, 09:00 in Beijing
const o: Record<string, Order> = {};
const MIN = 60_000;

/** Dispatch to `unitId`, sign and contact at once, reply, review; the return visit is left to the caller. */
async function handled(key: string, unitId: string, handler = w.actors.handlerB, signDelayMs = 0) {
  let x = await newOrder(w, { title: `考核测试 ${key}` });
  x = await act(w, w.actors.dispatcher, x, 'dispatch', { leadUnitId: unitId });
  w.clock.advance(signDelayMs + MIN);
  x = await act(w, handler, x, 'sign', {});
  x = await act(w, handler, x, 'record_contact', { method: 'phone', summary: '已联系' });
  x = await act(w, handler, x, 'reply', { result: 'resolved', text: '已处理' });
  x = await act(w, w.actors.supervisor, x, 'review_accept', {});
  return x;
}

const close = (x: Order, satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied', resolved: boolean) =>
  act(w, w.actors.supervisor, x, 'visit_close', { reached: true, satisfaction, resolved });

const row = (body: { rows: { unitId: string }[] }, unitId: string) => body.rows.find((r) => r.unitId === unitId) as any;

beforeAll(async () => {
  const A1 = w.units.deptA1.id;
  const B1 = w.units.deptB1.id;
  const hA = w.actors.unit_handler;
  // County A: O1 satisfied + resolved, O2 dissatisfied + unresolved.
  o.O1 = await close(await handled('O1', A1, hA), 'satisfied', true);
  o.O2 = await close(await handled('O2', A1, hA), 'dissatisfied', false);
  // County B: O3 satisfied; O4 re-handled once, then basically satisfied.
  o.O3 = await close(await handled('O3', B1), 'satisfied', true);
  let o4 = await handled('O4', B1);
  o4 = await act(w, w.actors.supervisor, o4, 'visit_rehandle', { resolved: false, reason: '未修好' });
  o4 = await act(w, w.actors.handlerB, o4, 'reply', { result: 'resolved', text: '已修好' });
  o4 = await act(w, w.actors.supervisor, o4, 'review_accept', {});
  o.O4 = await close(o4, 'basically_satisfied', true);
  // O5: county A returns it (退单), it goes to county B and is closed satisfied.
  let o5 = await newOrder(w, { title: '考核测试 O5' });
  o5 = await act(w, w.actors.dispatcher, o5, 'dispatch', { leadUnitId: A1 });
  o5 = await act(w, hA, o5, 'request_return', { reason: '不属于本单位职责' });
  o5 = await act(w, w.actors.dispatcher, o5, 'approve_return', {});
  o5 = await act(w, w.actors.dispatcher, o5, 'dispatch', { leadUnitId: B1 });
  w.clock.advance(MIN);
  o5 = await act(w, w.actors.handlerB, o5, 'sign', {});
  o5 = await act(w, w.actors.handlerB, o5, 'record_contact', { method: 'phone', summary: '已联系' });
  o5 = await act(w, w.actors.handlerB, o5, 'reply', { result: 'resolved', text: '已处理' });
  o5 = await act(w, w.actors.supervisor, o5, 'review_accept', {});
  o.O5 = await close(o5, 'satisfied', true);
  // O6: county B signs three days late (limit: 1 working day) — not responded in time, overdue.
  o.O6 = await close(await handled('O6', B1, w.actors.handlerB, 3 * 24 * 60 * MIN), 'satisfied', true);
});

describe('monthly unit assessment', () => {
  let supervisor: Client;
  let unitAdmin: Client;

  it('scores each assessed unit from 响应率 30 / 解决率 35 / 满意率 35 minus deductions, and ranks them', async () => {
    supervisor = await asUser(app, w, 'supervisor');
    unitAdmin = await asUser(app, w, 'unit_admin');
    const res = await supervisor.get('/api/assessment/months/2025-10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('draft');
    const a = row(body, w.units.countyA.id);
    const b = row(body, w.units.countyB.id);
    const c = row(body, w.units.company.id);
    // A: response 2/2, resolved 1/2, satisfied 1/2 → 30 + 17.5 + 17.5 = 65; one return × 0.5 → 64.5
    expect(a.indicators.map((i: any) => i.value)).toEqual([1, 0.5, 0.5, null]); // 协办按时率: no assisting tasks
    expect(a.baseScore).toBe(65);
    expect(a.deductions).toEqual({ overdue: 0, returns: 1, rehandles: 0 });
    expect(a.score).toBe(64.5);
    // B: response 3/4 (O6 late), resolved 4/4, satisfied (3 + 1 basic) / 4 → 22.5 + 35 + 35 = 92.5;
    // one overdue (O6) × 1 and one re-handling (O4) × 1 → 90.5. The re-handling visit (unit caused) is no rating.
    expect(b.indicators.map((i: any) => i.value)).toEqual([0.75, 1, 1, null]);
    expect(b.deductions).toEqual({ overdue: 1, returns: 0, rehandles: 1 });
    expect(b.score).toBe(90.5);
    expect(c.score).toBeNull();
    // The assessed units first (their departments follow, ranked among siblings: assessment-departments.test).
    expect(body.rows.filter((r: any) => r.parentUnitId === null).map((r: any) => [r.unitId, r.rank])).toEqual([
      [w.units.countyB.id, 1],
      [w.units.countyA.id, 2],
      [w.units.company.id, null],
    ]);
    // A unit admin sees their own unit's row and its departments', no other county's.
    const own = (await unitAdmin.get('/api/assessment/months/2025-10')).json();
    expect(own.rows.map((r: any) => r.unitId)).toEqual([w.units.countyA.id, w.units.deptA1.id, w.units.townA2.id]);
  });

  it('leaves an unreasonable appeal out of the rating and deductions, recorded on the timeline', async () => {
    const res = await supervisor.post('/api/assessment/exclusions', { orderId: o.O2!.id, reason: '诉求人要求超出政策范围' });
    expect(res.statusCode).toBe(201);
    expect((await supervisor.post('/api/assessment/exclusions', { orderId: o.O2!.id, reason: '再次' })).statusCode).toBe(409);
    const a = row((await supervisor.get('/api/assessment/months/2025-10')).json(), w.units.countyA.id);
    // A: resolved 1/1, satisfied 1/1 → 100; the return still costs 0.5.
    expect(a.baseScore).toBe(100);
    expect(a.score).toBe(99.5);
    expect(a.excludedOrders).toBe(1);
    const timeline = (await supervisor.get(`/api/orders/${o.O2!.id}/timeline`)).json();
    const event = timeline.events.find((e: any) => e.action === 'assessment_exclude');
    expect(event.note).toBe('诉求人要求超出政策范围');
    expect(event.actor_name).toContain('supervisor');
    const handler = await asUser(app, w, 'unit_handler');
    expect((await handler.post('/api/assessment/exclusions', { orderId: o.O1!.id, reason: 'x' })).statusCode).toBe(403);
  });

  it('takes a unit 申诉 on one order to a decision; accepted, the order leaves that unit score', async () => {
    // County A may not appeal an order it never had.
    expect((await unitAdmin.post('/api/assessment/appeals', { orderId: o.O3!.id, reason: '非本单位' })).statusCode).toBe(404);
    const filed = await unitAdmin.post('/api/assessment/appeals', {
      orderId: o.O5!.id,
      reason: '该件不属于本单位职责，退单合理',
    });
    expect(filed.statusCode).toBe(201);
    const appealId = filed.json().id;
    expect(filed.json().status).toBe('pending');
    expect(filed.json().unit_id).toBe(w.units.countyA.id);
    expect((await unitAdmin.post('/api/assessment/appeals', { orderId: o.O5!.id, reason: '再次' })).statusCode).toBe(409);
    // The month cannot be frozen while an appeal waits.
    w.clock.set('2025-11-03T02:00:00Z');
    // Sessions last hours: sign in again after the clock jumps to November.
    supervisor = await asUser(app, w, 'supervisor');
    unitAdmin = await asUser(app, w, 'unit_admin');
    const blocked = await supervisor.post('/api/assessment/months/2025-10/freeze');
    expect(blocked.statusCode).toBe(409);
    // Only the centre decides.
    expect((await unitAdmin.post(`/api/assessment/appeals/${appealId}/decision`, { accept: true })).statusCode).toBe(403);
    const decided = await supervisor.post(`/api/assessment/appeals/${appealId}/decision`, { accept: true, note: '同意' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().status).toBe('accepted');
    expect((await supervisor.post(`/api/assessment/appeals/${appealId}/decision`, { accept: false })).statusCode).toBe(409);
    const a = row((await supervisor.get('/api/assessment/months/2025-10')).json(), w.units.countyA.id);
    expect(a.deductions.returns).toBe(0);
    expect(a.score).toBe(100);
    // County B keeps O5 in its score (the appeal was county A's).
    const b = row((await supervisor.get('/api/assessment/months/2025-10')).json(), w.units.countyB.id);
    expect(b.score).toBe(90.5);
    const list = (await unitAdmin.get('/api/assessment/appeals?month=2025-10')).json();
    expect(list.items.map((i: any) => [i.order_no, i.status])).toEqual([[o.O5!.order_no, 'accepted']]);
    const events = (await supervisor.get(`/api/orders/${o.O5!.id}/timeline`)).json().events.map((e: any) => e.action);
    expect(events).toContain('assessment_appeal');
    expect(events).toContain('assessment_appeal_decided');
  });

  it('freezes the month once; later edits change the live figures but never the frozen snapshot', async () => {
    const frozen = await supervisor.post('/api/assessment/months/2025-10/freeze');
    expect(frozen.statusCode).toBe(201);
    const snap = frozen.json();
    expect(snap.status).toBe('frozen');
    expect(row(snap, w.units.countyB.id).score).toBe(90.5);
    expect((await supervisor.post('/api/assessment/months/2025-10/freeze')).statusCode).toBe(409);
    // Edit an old order: O6 is now judged unreasonable. The live computation changes …
    expect((await supervisor.post('/api/assessment/exclusions', { orderId: o.O6!.id, reason: '恶意投诉' })).statusCode).toBe(201);
    const live = await computeMonthScores(w.deps, w.centreId, '2025-10');
    expect(live.find((r) => r.unitId === w.units.countyB.id)!.score).toBe(91.5);
    // … the frozen month does not, not even by a direct UPDATE or DELETE (database rules).
    await sql`update assessment_snapshot_rows set score = 0`.execute(w.deps.db);
    await sql`delete from assessment_snapshot_rows`.execute(w.deps.db);
    const after = (await supervisor.get('/api/assessment/months/2025-10')).json();
    expect(after.status).toBe('frozen');
    expect(after.rows).toEqual(snap.rows);
    // Appeals on a frozen month are refused.
    expect((await unitAdmin.post('/api/assessment/appeals', { orderId: o.O1!.id, reason: '迟到的申诉' })).statusCode).toBe(409);
  });

  it('refuses to freeze a month that is not over, and shows the history per unit', async () => {
    expect((await supervisor.post('/api/assessment/months/2025-11/freeze')).statusCode).toBe(409);
    const leader = await asUser(app, w, 'leader');
    expect((await leader.post('/api/assessment/months/2025-09/freeze')).statusCode).toBe(403);
    const history = (await leader.get(`/api/assessment/history?toMonth=2025-12&unitId=${w.units.countyB.id}`)).json();
    expect(history.items).toEqual([
      expect.objectContaining({ month: '2025-10', unitId: w.units.countyB.id, rank: 2, score: 90.5 }), // A is first after its 申诉
    ]);
    const own = (await unitAdmin.get('/api/assessment/history?toMonth=2025-12')).json();
    expect(own.items.map((i: any) => i.unitId)).toEqual([w.units.countyA.id]);
  });

  it('lets the admin configure indicators, weights and points, with clear errors', async () => {
    const admin = await asUser(app, w, 'admin');
    const config = {
      indicators: [
        { key: 'responseRate', weight: 50 },
        { key: 'satisfactionRate', weight: 50 },
      ],
      deductions: { overdue: 2, return: 0, rehandle: 0 },
      basicSatisfiedWeight: 0.5,
    };
    expect((await supervisor.request({ method: 'PUT', url: '/api/assessment/config', payload: config })).statusCode).toBe(403);
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/assessment/config',
      payload: { ...config, indicators: [{ key: 'acceptedCount', weight: 10 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('indicators.0.key');
    expect((await admin.request({ method: 'PUT', url: '/api/assessment/config', payload: config })).statusCode).toBe(200);
    expect((await supervisor.get('/api/assessment/config')).json()).toEqual(config);
    // Draft months use the new config: B (O6 now excluded) = 50·1 + 50·(2 + 0.5)/3 ≈ 91.67 … without deductions.
    const b = row((await supervisor.get('/api/assessment/months/2025-11')).json(), w.units.countyB.id);
    expect(b.score).toBeNull(); // nothing accepted in November
    const live = await computeMonthScores(w.deps, w.centreId, '2025-10');
    const liveB = live.find((r) => r.unitId === w.units.countyB.id)!;
    expect(liveB.indicators.map((i) => i.value)).toEqual([0.75, 2.5 / 3]);
    expect(liveB.score).toBe(Math.round((50 * 0.75 + 50 * (2.5 / 3)) * 100) / 100);
    // The frozen October keeps the config it was frozen with.
    const oct = (await supervisor.get('/api/assessment/months/2025-10')).json();
    expect(oct.config).toEqual(DEFAULT_ASSESSMENT_CONFIG);
  });
});
