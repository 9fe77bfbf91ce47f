import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { act } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ env: { LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000', LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '1000' } });

const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: '10.1.0.1' });
const orderByNo = (orderNo: string) =>
  w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();

/** A portal appeal taken to its return visit (待回访), handled by A旗住建局. */
async function awaitingRating() {
  const res = await post('/api/portal/appeals', {
    appealType: 'complaint',
    title: '路灯不亮',
    content: '小区门口路灯坏了两周，晚上出行不安全。',
    callerName: '李桂兰',
    callerPhone: '13912340000',
  });
  expect(res.statusCode).toBe(201);
  const key = res.json() as { orderNo: string; queryCode: string };
  let o = await orderByNo(key.orderNo);
  o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
  o = await act(w, w.actors.unit_handler, o, 'sign', {});
  o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已更换灯泡' });
  await act(w, w.actors.supervisor, o, 'review_accept', {});
  return key;
}

const rate = (key: { orderNo: string; queryCode: string }, body: Record<string, unknown>) =>
  post('/api/portal/rating', { orderNo: key.orderNo, code: key.queryCode, ...body });

const timeline = async (orderId: string) =>
  (await (await asUser(app, w, 'supervisor')).get(`/api/orders/${orderId}/timeline`)).json().events as {
    action: string;
    payload: Record<string, unknown> | null;
  }[];

describe('a dissatisfied citizen is never closed silently (待核查)', () => {
  it('web 不满意 → 待核查 in the supervisor queue → 重办 back to the unit, counted as a 重办', async () => {
    const key = await awaitingRating();
    const rated = await rate(key, { satisfaction: 'dissatisfied', resolved: true, comment: '灯还是不亮' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ stage: 'checking', canRate: false });
    let o = await orderByNo(key.orderNo);
    expect(o).toMatchObject({ state: 'checking', closed_at: null, satisfaction: 'dissatisfied' });
    const visit = await w.deps.db.selectFrom('return_visits').selectAll().where('order_id', '=', o.id).executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ method: 'web', satisfaction: 'dissatisfied', note: '灯还是不亮', unit_caused: null });

    const supervisor = await asUser(app, w, 'supervisor');
    const queue = (await supervisor.get('/api/checks')).json();
    expect(queue.rows.find((r: { orderNo: string }) => r.orderNo === key.orderNo)).toMatchObject({
      satisfaction: 'dissatisfied',
      comment: '灯还是不亮',
      leadUnitName: 'A旗住建局',
      replyText: '已更换灯泡',
    });
    expect((await (await asUser(app, w, 'operator')).get('/api/checks')).statusCode).toBe(403);
    expect((await (await asUser(app, w, 'unit_handler')).get('/api/checks')).statusCode).toBe(403);

    // 重办 from 待核查 is the supervisor's decision: the operator who may 回访重办 a phone visit may not.
    const body = { version: o.version, resolved: true, reason: '核实路灯仍未修复，退回重办' };
    const operator = await asUser(app, w, 'operator');
    expect((await operator.post(`/api/orders/${o.id}/actions/visit-rehandle`, body)).statusCode).toBe(403);
    const detail = (await supervisor.get(`/api/orders/${o.id}`)).json();
    expect(detail.availableActions).toEqual(expect.arrayContaining(['visit_rehandle', 'check_close']));
    const res = await supervisor.post(`/api/orders/${o.id}/actions/visit-rehandle`, body);
    expect(res.statusCode).toBe(200);
    o = await orderByNo(key.orderNo);
    expect(o).toMatchObject({ state: 'handling', rehandle_count: 1, lead_unit_id: w.units.deptA1.id, satisfaction: null });
    // The citizen's rating is the unit's now (not the final visit); no second visit was invented.
    const visits = await w.deps.db.selectFrom('return_visits').selectAll().where('order_id', '=', o.id).execute();
    expect(visits.map((v) => v.unit_caused)).toEqual([true]);
    const events = await timeline(o.id);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['visit_check', 'visit_rehandle']));
    expect(events.find((e) => e.action === 'visit_rehandle')?.payload).toMatchObject({ afterCheck: true, rehandleCount: 1 });
    // Back with the unit: its handler can reply again; the portal says it is handled again.
    const unit = await asUser(app, w, 'unit_handler');
    expect((await unit.get(`/api/orders/${o.id}`)).json().availableActions).toContain('reply');
    expect((await post('/api/portal/lookup', { orderNo: key.orderNo, code: key.queryCode })).json()).toMatchObject({
      stage: 'handling',
    });
    expect((await supervisor.get('/api/checks')).json().rows.map((r: { orderNo: string }) => r.orderNo)).not.toContain(
      key.orderNo,
    );
    // 重办率 counts it.
    const kpis = (await supervisor.get('/api/kpis?from=2025-03-03&to=2025-03-03')).json();
    expect(kpis.total.counters.rehandles).toBeGreaterThanOrEqual(1);
  });

  it('未解决 with 满意 also goes to the check; the supervisor closes it with a reason from the list and words', async () => {
    const key = await awaitingRating();
    expect((await rate(key, { satisfaction: 'satisfied', resolved: false })).json()).toMatchObject({ stage: 'checking' });
    const o = await orderByNo(key.orderNo);
    const supervisor = await asUser(app, w, 'supervisor');
    const url = `/api/orders/${o.id}/actions/check-close`;
    const bad = await supervisor.post(url, { version: o.version, reason: 'because', explanation: '已解释' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.reason');
    const blank = await supervisor.post(url, { version: o.version, reason: 'explained', explanation: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('body.explanation');
    const ok = await supervisor.post(url, {
      version: o.version,
      reason: 'unreasonable',
      explanation: '诉求超出物业合同约定，已向市民说明',
    });
    expect(ok.statusCode).toBe(200);
    expect(await orderByNo(key.orderNo)).toMatchObject({
      state: 'closed',
      closure_kind: 'check_closed',
      satisfaction: 'satisfied',
      resolved: false,
    });
    const closeEvent = (await timeline(o.id)).find((e) => e.action === 'check_close');
    expect(closeEvent?.payload).toMatchObject({ reason: 'unreasonable', explanation: '诉求超出物业合同约定，已向市民说明' });
    expect((await post('/api/portal/lookup', { orderNo: key.orderNo, code: key.queryCode })).json()).toMatchObject({
      stage: 'closed',
    });
    // A closed order has nothing left to check; 办结量 counts it.
    expect((await supervisor.post(url, { version: o.version + 1, reason: 'explained', explanation: '再次' })).statusCode).toBe(
      409,
    );
    const kpis = (await supervisor.get('/api/kpis?from=2025-03-03&to=2025-03-03')).json();
    expect(kpis.total.counters.closed).toBeGreaterThanOrEqual(1);
  });

  it('满意 and 已解决 still close at once; the citizen cannot close a dissatisfied rating through visit_close', async () => {
    const key = await awaitingRating();
    expect((await rate(key, { satisfaction: 'satisfied', resolved: true })).json()).toMatchObject({ stage: 'closed' });
    const other = await awaitingRating();
    const o = await orderByNo(other.orderNo);
    const { citizenActor } = await import('../../src/portal/portal.service.js');
    await expect(
      act(w, citizenActor(w.centreId), o, 'visit_close', {
        reached: true,
        satisfaction: 'dissatisfied',
        resolved: true,
        method: 'web',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    // Staff never take the citizen's step.
    const supervisor = await asUser(app, w, 'supervisor');
    const res = await supervisor.post(`/api/orders/${o.id}/actions/visit-check`, {
      version: o.version,
      satisfaction: 'dissatisfied',
      resolved: false,
    });
    expect(res.statusCode).toBe(403);
  });
});
