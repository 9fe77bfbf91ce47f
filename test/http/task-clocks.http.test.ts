import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { hashPassword } from '../../src/users/password.js';
import { insertUser } from '../../src/users/user.repository.js';
import { TEST_PASSWORD, type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { twoWorkersTick, workerDeps } from '../helpers/worker.js';

/**
 * The clocks of tasks inside an order (ADR 0152) over HTTP: a forwarding hop late to its forwarder,
 * an assisting unit late with its opinion, the centre late with a citizen's check — each warned,
 * urged and 督办'd to the unit (or role) that answers for it, and nobody else.
 */
const { w, app } = useApp({ env: { LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000', LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '1000' } });
// A fresh session per call: the tests move the clock by days, past a session's length.
const client = (who: keyof World['usernames'] | 'companyHandler'): Promise<Client> =>
  asUser(app, w, who as keyof World['usernames']);

beforeAll(async () => {
  const username = `company_${w.centreId.slice(0, 6)}`;
  await insertUser(w.deps.db, {
    centreId: w.centreId,
    unitId: w.units.company.id,
    username,
    displayName: '热力公司承办人',
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles: ['unit_handler'],
  });
  (w.usernames as Record<string, string>).companyHandler = username;
});

type Sup = { id: string; reason: string; unit_name: string | null; unit_id: string | null };
const supervisionsOf = async (orderId: string) =>
  (await (await client('supervisor')).get(`/api/supervisions?orderId=${orderId}`)).json().items as Sup[];
const timeline = async (orderId: string) =>
  (await (await client('supervisor')).get(`/api/orders/${orderId}/timeline`)).json().events as {
    action: string;
    payload: Record<string, unknown> | null;
  }[];
const clocks = (orderId: string) =>
  w.deps.db.selectFrom('order_deadlines').selectAll().where('order_id', '=', orderId).orderBy('started_at').execute();
const reload = (o: Order) => w.deps.db.selectFrom('orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
const noticesOf = async (who: Parameters<typeof client>[0]) =>
  (await (await client(who)).get('/api/notices')).json().items as { orderId: string | null; kind: string; text: string }[];

async function tick() {
  const wd = workerDeps(w.deps);
  await twoWorkersTick(wd);
  await twoWorkersTick(wd);
}

describe('a forwarding hop runs clocks of its own (下派签收, 下派办理)', () => {
  it('warns, urges and 督办s the sub-unit late to its forwarder, not the lead unit, and the 督办单 is the sub-unit’s to answer', async () => {
    w.clock.set('2025-03-03T02:00:00Z'); // Monday 10:00 Asia/Shanghai
    let o = await newOrder(w, { appealType: 'complaint', priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.countyA.id });
    o = await act(w, w.actors.unit_admin, o, 'sign', {});
    o = await act(w, w.actors.unit_admin, o, 'record_contact', { method: 'phone', summary: '已联系群众' });
    const hopDue = new Date('2025-03-05T02:00:00Z'); // Wednesday 10:00, inside the county's 10 working days
    o = await act(w, w.actors.unit_admin, o, 'forward', {
      toUnitId: w.units.deptA1.id,
      instructions: '请住建局现场核查',
      deadline: hopDue.toISOString(),
    });
    const hop = await w.deps.db.selectFrom('order_hops').selectAll().where('order_id', '=', o.id).executeTakeFirstOrThrow();
    const hopClocks = (await clocks(o.id)).filter((d) => d.task_id === hop.id);
    expect(hopClocks.map((d) => [d.stage, d.status, d.unit_id])).toEqual([
      ['hop_sign', 'running', w.units.deptA1.id],
      ['hop_reply', 'running', w.units.deptA1.id],
    ]);
    // sign-for by the centre's 签收 rule (1 working day), reply exactly until the forwarder's deadline
    expect(hopClocks[0]!.due_at.toISOString()).toBe('2025-03-04T10:00:00.000Z'); // Tuesday 18:00
    expect(hopClocks[1]!.due_at.toISOString()).toBe(hopDue.toISOString());
    // The order's own deadline (its summary in the queues) is still the county's reply clock.
    expect((await reload(o)).deadline_stage).toBe('reply');

    w.clock.set('2025-03-06T10:00:00Z'); // Thursday 18:00: the department neither signed nor replied
    await tick();
    const sups = await supervisionsOf(o.id);
    expect(sups.map((s) => [s.unit_name, s.reason])).toEqual([['A旗住建局', '下派签收超时']]);
    const events = await timeline(o.id);
    const urges = events.filter((e) => e.action === 'urge');
    expect(urges.map((e) => e.payload?.stage).sort()).toEqual(['hop_reply', 'hop_sign']);
    expect(urges.every((e) => e.payload?.unitName === 'A旗住建局' && e.payload?.unitId === w.units.deptA1.id)).toBe(true);
    expect(events.filter((e) => e.action === 'deadline_warning' && e.payload?.level === 'red')).toHaveLength(2);
    // The department hears of it; the county (lead unit, in time) gets no 催办 of its own.
    const deptNotices = (await noticesOf('unit_handler')).filter((n) => n.orderId === o.id);
    expect(deptNotices.map((n) => n.kind)).toEqual(expect.arrayContaining(['timelimit.urge', 'timelimit.supervise']));
    expect((await noticesOf('handlerB')).filter((n) => n.orderId === o.id)).toEqual([]);

    // The 督办单 is the department's to answer.
    const answer = await (
      await client('unit_handler')
    ).post(`/api/supervisions/${sups[0]!.id}/respond`, { response: '已安排人员' });
    expect(answer.statusCode).toBe(200);

    // Signing late ends the sign clock (met, overdue); a reply sent back restarts the reply clock until the same deadline.
    o = await reload(o);
    o = await act(w, w.actors.unit_handler, o, 'hop_sign', {});
    o = await act(w, w.actors.unit_handler, o, 'hop_reply', { result: 'resolved', text: '已修复' });
    o = await act(w, w.actors.unit_admin, o, 'hop_send_back', { reason: '请附现场照片' });
    const after = (await clocks(o.id)).filter((d) => d.task_id === hop.id);
    expect(after.map((d) => [d.stage, d.status])).toEqual([
      ['hop_sign', 'met'],
      ['hop_reply', 'met'],
      ['hop_reply', 'running'],
    ]);
    expect(after[2]!.due_at.toISOString()).toBe(hopDue.toISOString());
    // Returned one hop up: its clocks end, cancelled (nobody's clock runs for a hop that no longer stands).
    o = await act(w, w.actors.unit_handler, o, 'hop_return', { reason: '不属于本单位职责' });
    expect((await clocks(o.id)).filter((d) => d.task_id === hop.id && d.status === 'running')).toEqual([]);
    expect((await clocks(o.id)).filter((d) => d.task_id === hop.id).at(-1)?.status).toBe('cancelled');

    // The late hop counts in the department's 下派按时答复率, not in the county's (the lead unit's own row).
    const kpis = (
      await (await client('leader')).get(`/api/kpis?from=2025-03-01&to=2025-03-31&groupBy=unit&unitId=${w.units.countyA.id}`)
    ).json() as { groups: { key: string; counters: Record<string, number>; kpis: Record<string, { value: number | null }> }[] };
    const group = (id: string) => kpis.groups.find((g) => g.key === id);
    expect(group(w.units.deptA1.id)?.counters).toMatchObject({ hops: 1, hops_on_time: 0 });
    expect(group(w.units.deptA1.id)?.kpis.hopOnTimeRate).toMatchObject({ value: 0 });
    expect(group(w.units.countyA.id)?.counters.hops ?? 0).toBe(0);
  });
});

describe('a hop’s clock warns before its deadline and acts once per lateness', () => {
  it('warns the receiving unit (not the forwarder) ahead of the hop’s deadline, then 督办s once however often the monitor runs', async () => {
    w.clock.set('2025-03-03T02:00:00Z'); // Monday 10:00 Asia/Shanghai
    let o = await newOrder(w, { appealType: 'complaint', priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.countyA.id });
    o = await act(w, w.actors.unit_admin, o, 'sign', {});
    o = await act(w, w.actors.unit_admin, o, 'record_contact', { method: 'phone', summary: '已联系群众' });
    const hopDue = new Date('2025-03-07T02:00:00Z'); // Friday 10:00
    o = await act(w, w.actors.unit_admin, o, 'forward', {
      toUnitId: w.units.deptA1.id,
      instructions: '请核查',
      deadline: hopDue.toISOString(),
    });
    o = await act(w, w.actors.unit_handler, o, 'hop_sign', {});
    const reply = (await clocks(o.id)).find((d) => d.stage === 'hop_reply' && d.status === 'running')!;
    expect(reply.warn_at).not.toBeNull();
    expect(reply.warn_at!.getTime()).toBeLessThan(hopDue.getTime());

    const monitorNotices = async (who: Parameters<typeof client>[0]) =>
      (await noticesOf(who)).filter((n) => n.orderId === o.id && n.kind.startsWith('timelimit.')).map((n) => n.kind);
    const monitorEvents = async () =>
      (await timeline(o.id)).filter(
        (e) => ['deadline_warning', 'urge', 'supervise'].includes(e.action) && e.payload?.origin !== 'manual',
      );

    // Past the warning, before the deadline: a yellow warning to the department, nothing to the county.
    w.clock.set(new Date(reply.warn_at!.getTime() + 60_000).toISOString());
    await tick();
    const warned = await monitorEvents();
    expect(warned.map((e) => [e.action, e.payload?.level, e.payload?.stage, e.payload?.unitName])).toEqual([
      ['deadline_warning', 'yellow', 'hop_reply', 'A旗住建局'],
    ]);
    expect(await monitorNotices('unit_handler')).toEqual(['timelimit.yellow']);
    expect(await monitorNotices('unit_admin')).toEqual([]);
    expect(await supervisionsOf(o.id)).toEqual([]);

    // Well past the deadline, the monitor running again and again: one 催办, one red, one 督办单.
    w.clock.set('2025-03-11T10:00:00Z');
    await tick();
    w.clock.set('2025-03-11T11:00:00Z');
    await tick();
    const late = await monitorEvents();
    const count = (action: string, level?: string) =>
      late.filter((e) => e.action === action && (level === undefined || e.payload?.level === level)).length;
    expect([count('deadline_warning', 'yellow'), count('urge'), count('deadline_warning', 'red'), count('supervise')]).toEqual([
      1, 1, 1, 1,
    ]);
    expect((await supervisionsOf(o.id)).map((s) => [s.unit_id, s.reason])).toEqual([[w.units.deptA1.id, '下派办理答复超时']]);
    expect((await monitorNotices('unit_handler')).sort()).toEqual(
      ['timelimit.red', 'timelimit.supervise', 'timelimit.urge', 'timelimit.yellow'].sort(),
    );
    expect(await monitorNotices('unit_admin')).toEqual([]);
  });
});

describe('an assisting unit runs a clock of its own (协办意见)', () => {
  it('urges and 督办s the late assisting unit, not the lead unit; its opinion ends the clock', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { appealType: 'complaint', priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id, assistUnitIds: [w.units.company.id] });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'record_contact', { method: 'phone', summary: '已联系' });
    const task = await w.deps.db.selectFrom('assist_tasks').selectAll().where('order_id', '=', o.id).executeTakeFirstOrThrow();
    const [clock] = (await clocks(o.id)).filter((d) => d.task_id === task.id);
    expect(clock).toMatchObject({ stage: 'assist', status: 'running', unit_id: w.units.company.id });
    expect(clock!.due_at.toISOString()).toBe(task.due_at.toISOString());

    w.clock.set('2025-03-11T10:00:00Z'); // next Tuesday 18:00: three working days long gone, the lead's 10 are not
    await tick();
    expect((await supervisionsOf(o.id)).map((s) => [s.unit_name, s.reason])).toEqual([['热力公司', '协办意见超时']]);
    const urge = (await timeline(o.id)).find((e) => e.action === 'urge');
    expect(urge?.payload).toMatchObject({ origin: 'auto', stage: 'assist', unitName: '热力公司' });
    expect((await noticesOf('companyHandler')).filter((n) => n.orderId === o.id).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['timelimit.urge', 'timelimit.supervise']),
    );
    // The lead unit was in time: no automatic 督办单 names it.
    expect((await supervisionsOf(o.id)).some((s) => s.unit_id === w.units.deptA1.id)).toBe(false);
    // Once per lateness: the monitor running again a day later adds nothing.
    w.clock.set('2025-03-12T10:00:00Z');
    await tick();
    expect(await supervisionsOf(o.id)).toHaveLength(1);
    const assistSteps = (await timeline(o.id)).filter((e) => e.payload?.stage === 'assist' && e.payload?.origin !== 'manual');
    expect(assistSteps.filter((e) => e.action === 'urge')).toHaveLength(1);
    expect(assistSteps.filter((e) => e.action === 'deadline_warning' && e.payload?.level === 'red')).toHaveLength(1);
    const companyNotices = (await noticesOf('companyHandler')).filter((n) => n.orderId === o.id).map((n) => n.kind);
    expect(companyNotices.filter((k) => k === 'timelimit.supervise')).toHaveLength(1);

    const res = await (
      await client('companyHandler')
    ).post(`/api/orders/${o.id}/assist-tasks/${task.id}/opinion`, {
      opinion: '管网压力正常，建议住建局核查楼内管道',
    });
    expect(res.statusCode).toBe(200);
    const [done] = (await clocks(o.id)).filter((d) => d.task_id === task.id);
    expect(done).toMatchObject({ status: 'met' });
  });

  it('cancels the assisting clocks with the dispatch they belong to', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id, assistUnitIds: [w.units.company.id] });
    o = await act(w, w.actors.unit_handler, o, 'request_return', { reason: '不属于本单位职责范围' });
    o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
    const assist = (await clocks(o.id)).filter((d) => d.stage === 'assist');
    expect(assist.map((d) => d.status)).toEqual(['cancelled']);
  });
});

describe('the centre’s check of a dissatisfied web rating runs a clock (不满意核查)', () => {
  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: '10.1.0.1' });

  async function dissatisfied() {
    const res = await post('/api/portal/appeals', {
      appealType: 'complaint',
      title: '路灯不亮',
      content: '小区门口路灯坏了两周，晚上出行不安全。',
      callerName: '李桂兰',
      callerPhone: '13912340000',
    });
    const key = res.json() as { orderNo: string; queryCode: string };
    let o = await w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', key.orderNo).executeTakeFirstOrThrow();
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已更换灯泡' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    const rated = await post('/api/portal/rating', {
      orderNo: key.orderNo,
      code: key.queryCode,
      satisfaction: 'dissatisfied',
      resolved: false,
    });
    expect(rated.statusCode).toBe(200);
    return reload(o);
  }

  it('starts at the rating by the centre’s rule, warns the supervisors when late, and ends with the decision', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await dissatisfied();
    expect(o.state).toBe('checking');
    expect(o.deadline_stage).toBe('check');
    const check = (await clocks(o.id)).find((d) => d.stage === 'check')!;
    expect(check).toMatchObject({ status: 'running', unit_id: null, urge_at: null }); // a centre stage: warnings only
    expect(check.due_at.toISOString()).toBe('2025-03-04T10:00:00.000Z'); // 1 working day (the built-in rule): Tuesday 18:00

    w.clock.set('2025-03-04T11:00:00Z');
    await tick();
    const red = (await timeline(o.id)).find((e) => e.action === 'deadline_warning' && e.payload?.level === 'red');
    expect(red?.payload).toMatchObject({ stage: 'check' });
    expect((await noticesOf('supervisor')).some((n) => n.orderId === o.id && n.kind === 'timelimit.red')).toBe(true);
    expect(await supervisionsOf(o.id)).toEqual([]); // no unit answers for the centre's own check

    o = await act(w, w.actors.supervisor, o, 'check_close', { reason: 'explained', explanation: '已向群众解释路灯归属' });
    expect((await clocks(o.id)).find((d) => d.stage === 'check')).toMatchObject({ status: 'met' });
  });

  it('takes its limit from the centre’s rules like every stage', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    const admin = await client('admin');
    const rule = await admin.post('/api/timelimits/policies', { stage: 'check', amount: 2, unit: 'hours', note: '2 小时内核查' });
    expect(rule.statusCode).toBe(201);
    const o = await dissatisfied();
    const check = (await clocks(o.id)).find((d) => d.stage === 'check')!;
    expect(check.due_at.getTime() - w.clock.now().getTime()).toBe(2 * 3_600_000);
  });
});
