import { describe, expect, it, beforeAll } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { hashPassword } from '../../src/users/password.js';
import { insertUser } from '../../src/users/user.repository.js';
import type { Order } from '../../src/db/schema.js';

// Issue 14: 协办 — each assisting unit signs and submits its opinion within its own deadline; the lead
// unit sees them and urges; lateness counts on the assisting unit (ADR 0120).
const { w, app } = useApp();
let companyUser = '';
const client = (who: Parameters<typeof asUser>[2]) => asUser(app, w, who);

beforeAll(async () => {
  // A handler of the world's utility company (热力公司), the assisting unit of these tests.
  companyUser = `companyhandler_${w.centreId.slice(0, 6)}`;
  await insertUser(w.deps.db, {
    centreId: w.centreId,
    unitId: w.units.company.id,
    username: companyUser,
    displayName: '热力公司 承办人',
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles: ['unit_handler'],
  });
});

/** A fresh session of the company's handler (the tests move the clock past a session's length). */
async function companyClient(): Promise<Client> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: companyUser, password: TEST_PASSWORD },
  });
  const token = login.cookies.find((c) => c.name === 'lianxin_session')!.value;
  const request: Client['request'] = (o) =>
    app.inject({ ...o, headers: { ...(o.headers ?? {}), cookie: `lianxin_session=${token}` } });
  return {
    token,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
  };
}

interface Task {
  id: string;
  unitId: string;
  unitName: string;
  state: string;
  dueAt: string;
  signedAt: string | null;
  opinion: string | null;
  submittedAt: string | null;
  late: boolean;
  urgeCount: number;
  can: { sign: boolean; opinion: boolean; urge: boolean };
}

const tasksOf = async (c: Client, orderId: string) => {
  const res = await c.get(`/api/orders/${orderId}/assist-tasks`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Task[];
};
const taskOf = async (c: Client, orderId: string, unitId: string) =>
  (await tasksOf(c, orderId)).find((t) => t.unitId === unitId)!;

/** Monday 2025-03-03 10:00 (UTC+8): an order dispatched to A旗住建局 with 热力公司 and B旗住建局 assisting. */
async function dispatchedWithAssist(): Promise<Order> {
  w.clock.set('2025-03-03T02:00:00Z');
  const o = await newOrder(w);
  return act(w, w.actors.dispatcher, o, 'dispatch', {
    leadUnitId: w.units.deptA1.id,
    assistUnitIds: [w.units.company.id, w.units.deptB1.id],
  });
}

describe('协办 tasks over HTTP', () => {
  it('gives each assisting unit a task due 3 working days after the dispatch, listed on the order and in its inbox', async () => {
    const o = await dispatchedWithAssist();
    const company = await companyClient();
    const lead = await client('unit_handler');
    const tasks = await tasksOf(lead, o.id);
    expect(tasks.map((t) => [t.unitName, t.state]).sort()).toEqual([
      ['B旗住建局', 'pending'],
      ['热力公司', 'pending'],
    ]);
    // Thursday 18:00 in the centre's zone: the end of the third working day after Monday.
    expect(tasks.every((t) => t.dueAt === '2025-03-06T10:00:00.000Z')).toBe(true);
    // The lead unit may urge, not sign; the assisting unit signs and writes, never urges.
    expect(tasks[0].can).toEqual({ sign: false, opinion: false, urge: true });
    const inbox = (await company.get('/api/assist-tasks')).json().items as (Task & { orderNo: string })[];
    expect(inbox.find((t) => t.orderNo === o.order_no)).toMatchObject({
      state: 'pending',
      can: { sign: true, opinion: true, urge: false },
    });
    // The timeline names the assisting units on the dispatch, and a notice goes to each.
    const notices = await w.deps.db.selectFrom('outbox').select('payload').where('topic', '=', 'notify').execute();
    expect(notices.some((n) => (n.payload as { kind: string; audience: { unitId?: string } }).kind === 'assist.task')).toBe(true);
  });

  it('lets the assisting unit sign once and submit its opinion once; the lead unit reads it on the order and the timeline', async () => {
    const o = await dispatchedWithAssist();
    const company = await companyClient();
    const task = await taskOf(company, o.id, w.units.company.id);
    const lead = await client('unit_handler');
    expect((await lead.post(`/api/orders/${o.id}/assist-tasks/${task.id}/sign`, {})).statusCode).toBe(403);
    w.clock.set('2025-03-03T03:00:00Z');
    const signed = await company.post(`/api/orders/${o.id}/assist-tasks/${task.id}/sign`, {});
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed', signedAt: '2025-03-03T03:00:00.000Z' });
    const again = await company.post(`/api/orders/${o.id}/assist-tasks/${task.id}/sign`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已签收');

    const blank = await company.post(`/api/orders/${o.id}/assist-tasks/${task.id}/opinion`, { opinion: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('body.opinion');
    const opinion = '经查，该小区换热站一次网供水温度正常，二次网存在失衡，已安排调节阀门。';
    const ok = await company.post(`/api/orders/${o.id}/assist-tasks/${task.id}/opinion`, { opinion });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'submitted', opinion, late: false });
    expect((await company.post(`/api/orders/${o.id}/assist-tasks/${task.id}/opinion`, { opinion })).statusCode).toBe(409);

    expect(await taskOf(lead, o.id, w.units.company.id)).toMatchObject({ state: 'submitted', opinion, late: false });
    const timeline = (await lead.get(`/api/orders/${o.id}/timeline`)).json().events as { action: string; note: string | null }[];
    expect(timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['assist_sign', 'assist_opinion']));
    expect(timeline.find((e) => e.action === 'assist_opinion')?.note).toBe(opinion);
  });

  it('lets the lead unit urge an assisting unit that has not submitted; not one that has, nor the assisting unit itself', async () => {
    const o = await dispatchedWithAssist();
    const company = await companyClient();
    const lead = await client('unit_handler');
    const b = await taskOf(lead, o.id, w.units.deptB1.id);
    const urged = await lead.post(`/api/orders/${o.id}/assist-tasks/${b.id}/urge`, { note: '请今天内反馈' });
    expect(urged.statusCode).toBe(200);
    expect(urged.json().urgeCount).toBe(1);
    expect((await (await client('supervisor')).post(`/api/orders/${o.id}/assist-tasks/${b.id}/urge`, {})).statusCode).toBe(200);
    expect((await (await client('handlerB')).post(`/api/orders/${o.id}/assist-tasks/${b.id}/urge`, {})).statusCode).toBe(403);
    const c = await taskOf(lead, o.id, w.units.company.id);
    await company.post(`/api/orders/${o.id}/assist-tasks/${c.id}/opinion`, { opinion: '已核实' });
    const late = await lead.post(`/api/orders/${o.id}/assist-tasks/${c.id}/urge`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('无需催办');
    const timeline = (await lead.get(`/api/orders/${o.id}/timeline`)).json().events as { action: string; note: string | null }[];
    expect(timeline.filter((e) => e.action === 'assist_urge').map((e) => e.note)).toEqual(['请今天内反馈', null]);
  });

  it('answers 404 for a task of another order and for an order the unit never had', async () => {
    const o = await dispatchedWithAssist();
    const company = await companyClient();
    const other = await act(w, w.actors.dispatcher, await newOrder(w), 'dispatch', { leadUnitId: w.units.deptA1.id });
    const task = await taskOf(company, o.id, w.units.company.id);
    expect((await company.post(`/api/orders/${other.id}/assist-tasks/${task.id}/sign`, {})).statusCode).toBe(404);
    expect((await company.get(`/api/orders/${other.id}/assist-tasks`)).statusCode).toBe(404);
    expect((await company.post(`/api/orders/${o.id}/assist-tasks/not-a-uuid/sign`, {})).statusCode).toBe(400);
  });

  it('cancels the open tasks when the return is approved, so nobody is late for a dispatch that no longer stands', async () => {
    let o = await dispatchedWithAssist();
    o = await act(w, w.actors.unit_handler, o, 'request_return', { reason: '非本单位职责' });
    o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
    expect(await tasksOf(await client('dispatcher'), o.id)).toEqual([]);
    const rows = await w.deps.db.selectFrom('assist_tasks').select('state').where('order_id', '=', o.id).execute();
    expect(rows.map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
  });

  it('counts a late opinion in the assisting unit’s 协办按时率 and assessment, never in the lead unit’s', async () => {
    // A fresh month so the figures are these two tasks only.
    w.clock.set('2025-04-01T02:00:00Z'); // Tuesday
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', {
      leadUnitId: w.units.deptA1.id,
      assistUnitIds: [w.units.company.id, w.units.deptB1.id],
    });
    const lead = await client('unit_handler');
    const company = await companyClient();
    const c = await taskOf(lead, o.id, w.units.company.id);
    const b = await taskOf(lead, o.id, w.units.deptB1.id);
    await company.post(`/api/orders/${o.id}/assist-tasks/${c.id}/opinion`, { opinion: '按时提交的协办意见' });
    w.clock.set('2025-04-09T02:00:00Z'); // past the deadline (Thursday 4 April is 清明 — a holiday — so due Monday 7th)
    expect(await taskOf(await client('unit_handler'), o.id, w.units.deptB1.id)).toMatchObject({ state: 'pending', late: true });
    const lateOpinion = await (
      await client('handlerB')
    ).post(`/api/orders/${o.id}/assist-tasks/${b.id}/opinion`, { opinion: '迟交的意见' });
    expect(lateOpinion.json()).toMatchObject({ state: 'submitted', late: true });

    const kpis = (await (await client('leader')).get('/api/kpis?from=2025-04-01&to=2025-04-30&groupBy=unit')).json();
    const group = (id: string) => kpis.groups.find((g: { key: string }) => g.key === id);
    expect(group(w.units.company.id).kpis.assistOnTimeRate).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(group(w.units.countyB.id).kpis.assistOnTimeRate).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(group(w.units.countyA.id).kpis.assistOnTimeRate.value).toBeNull();
    expect(group(w.units.countyA.id).counters.assist_tasks).toBe(0);

    const month = (await (await client('supervisor')).get('/api/assessment/months/2025-04')).json();
    const assistIndicator = (id: string) =>
      month.rows
        .find((r: { unitId: string }) => r.unitId === id)
        ?.indicators.find((i: { key: string }) => i.key === 'assistOnTimeRate');
    expect(assistIndicator(w.units.countyB.id).value).toBe(0);
    expect(assistIndicator(w.units.company.id).value).toBe(1);
    expect(assistIndicator(w.units.countyA.id).value).toBeNull();
  });
});
