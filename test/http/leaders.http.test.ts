import { describe, expect, it } from 'vitest';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';

const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
const client = (who: keyof World['usernames']): Promise<Client> => asUser(app, w, who);
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as object });
const del = (c: Client, url: string) => c.request({ method: 'DELETE', url });

async function dispatchedOrder() {
  const o = await newOrder(w);
  return act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
}
async function deliverNotices() {
  await drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers, batchSize: 50 });
}
async function noticesOf(who: keyof World['usernames'], kind: string) {
  await deliverNotices();
  const res = await (await client(who)).get(`/api/notices?kind=${kind}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { text: { zh: string; en: string }; orderNo: string | null }[];
}
async function timelineKinds(orderId: string) {
  const events = (await (await client('supervisor')).get(`/api/orders/${orderId}/timeline`)).json().events as {
    action: string;
    note: string | null;
    payload: Record<string, unknown>;
  }[];
  return events;
}

describe('包案 over HTTP', () => {
  it('lets a leader take an order, lists it on 我的包案 with state and deadline, and refuses a second owner', async () => {
    const o = await dispatchedOrder();
    const leader = await client('leader');
    const taken = await leader.post(`/api/orders/${o.order_no}/leader-case`, { note: '重点跟踪' });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ orderId: o.id, orderState: 'dispatched', leadUnitName: 'A旗住建局', note: '重点跟踪' });
    expect(taken.json().deadlineDueAt).toBe(o.deadline_due_at!.toISOString());

    const mine = (await leader.get('/api/leader-cases')).json().items as { orderId: string }[];
    expect(mine.map((c) => c.orderId)).toContain(o.id);
    expect((await leader.post(`/api/orders/${o.id}/leader-case`, {})).statusCode).toBe(409);
    expect((await (await client('supervisor')).post(`/api/orders/${o.id}/leader-case`, {})).statusCode).toBe(403);
    expect((await (await client('unit_handler')).get(`/api/orders/${o.id}/leader-case`)).json().case.leaderId).toBe(
      w.actors.leader.userId,
    );
    expect((await timelineKinds(o.id)).map((e) => e.action)).toContain('leader_case');

    expect((await del(leader, `/api/orders/${o.id}/leader-case`)).json()).toEqual({ ended: true });
    expect(((await leader.get('/api/leader-cases')).json().items as { orderId: string }[]).map((c) => c.orderId)).not.toContain(
      o.id,
    );
    expect((await leader.get('/api/leader-cases?open=false')).json().items[0].endedAt).not.toBeNull();
  });
});

describe('批示 over HTTP', () => {
  it('goes to the lead unit, which acknowledges and then answers; both on the timeline, notices both ways', async () => {
    const o = await dispatchedOrder();
    const leader = await client('leader');
    const handler = await client('unit_handler');
    const written = await leader.post(`/api/orders/${o.id}/instructions`, { text: '请三日内上门核实并反馈' });
    expect(written.statusCode).toBe(201);
    const ins = written.json();
    expect(ins).toMatchObject({ status: 'open', unitName: 'A旗住建局', leaderName: expect.any(String) });
    expect(ins).not.toHaveProperty('leader_id');

    // The unit's 待办批示: open ones of its subtree; another unit sees none and gets 404 on it.
    const inbox = (await handler.get('/api/instructions?status=open,acknowledged')).json().items as { id: string }[];
    expect(inbox.map((i) => i.id)).toContain(ins.id);
    expect((await handler.get('/api/instructions?status=open,done')).json().error.field).toBe('querystring.status');
    expect((await (await client('handlerB')).get('/api/instructions')).json().items).toEqual([]);
    expect((await (await client('handlerB')).post(`/api/instructions/${ins.id}/acknowledge`)).statusCode).toBe(404);
    expect((await (await client('unit_admin')).get('/api/instructions')).json().items.map((i: { id: string }) => i.id)).toContain(
      ins.id,
    );
    expect((await noticesOf('unit_handler', 'leader.instruction'))[0].text.zh).toContain('请三日内上门核实');

    // Answer before 签收 is refused; 签收 twice too.
    expect((await handler.post(`/api/instructions/${ins.id}/answer`, { answer: '已处理' })).statusCode).toBe(409);
    const ack = await handler.post(`/api/instructions/${ins.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedByName: expect.any(String) });
    expect((await handler.post(`/api/instructions/${ins.id}/acknowledge`)).statusCode).toBe(409);
    expect((await noticesOf('leader', 'leader.instructionAck')).map((n) => n.orderNo)).toContain(o.order_no);
    // The bell reads mentions and the leaders' family in one call.
    const bell = (await leader.get('/api/notices?unread=true&kind=note.mention,leader.*')).json().items as { orderNo: string }[];
    expect(bell.map((n) => n.orderNo)).toContain(o.order_no);

    expect((await handler.post(`/api/instructions/${ins.id}/answer`, { answer: '  ' })).json().error.field).toBe('body.answer');
    const answered = await handler.post(`/api/instructions/${ins.id}/answer`, { answer: '已上门核实，管道已修复' });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: '已上门核实，管道已修复' });
    expect((await noticesOf('leader', 'leader.instructionAnswer'))[0].text.zh).toContain('已上门核实');

    const kinds = (await timelineKinds(o.id)).map((e) => e.action);
    expect(kinds).toEqual(expect.arrayContaining(['instruction', 'instruction_ack', 'instruction_answer']));
    const mine = (await leader.get('/api/instructions')).json().items as { id: string; status: string }[];
    expect(mine.find((i) => i.id === ins.id)?.status).toBe('answered');
  });

  it('refuses a 批示 before dispatch (409) and from roles that do not write them (403)', async () => {
    const o = await newOrder(w);
    expect((await (await client('leader')).post(`/api/orders/${o.id}/instructions`, { text: '请办理' })).statusCode).toBe(409);
    expect((await (await client('dispatcher')).post(`/api/orders/${o.id}/instructions`, { text: '请办理' })).statusCode).toBe(
      403,
    );
  });
});

describe('leader 催办 and 督办单 by the centre setting', () => {
  it('allows a leader to urge and issue a 督办单 by default and refuses both when the admin turns them off', async () => {
    const o = await dispatchedOrder();
    const leader = await client('leader');
    expect((await leader.get('/api/leader-settings')).json()).toEqual({ leadersMayUrge: true, leadersMaySupervise: true });
    expect((await leader.post(`/api/orders/${o.id}/urge`, { note: '请加快办理' })).statusCode).toBe(200);
    expect((await leader.post(`/api/orders/${o.id}/supervisions`, { reason: '领导督办' })).statusCode).toBe(201);

    expect((await put(leader, '/api/leader-settings', { leadersMayUrge: false, leadersMaySupervise: false })).statusCode).toBe(
      403,
    );
    const admin = await client('admin');
    const off = await put(admin, '/api/leader-settings', { leadersMayUrge: false, leadersMaySupervise: false });
    expect(off.json()).toEqual({ leadersMayUrge: false, leadersMaySupervise: false });
    const urge = await leader.post(`/api/orders/${o.id}/urge`, { note: '请加快办理' });
    expect(urge.statusCode).toBe(403);
    expect(urge.json().error.message).toContain('领导催办');
    expect((await leader.post(`/api/orders/${o.id}/supervisions`, { reason: '领导督办' })).statusCode).toBe(403);
    // Supervisors are not affected by the leaders' setting.
    expect((await (await client('supervisor')).post(`/api/orders/${o.id}/urge`, { note: '请办理' })).statusCode).toBe(200);
    await put(admin, '/api/leader-settings', { leadersMayUrge: true, leadersMaySupervise: true });
  });
});

describe('批示 on re-dispatch (ADR 0154)', () => {
  it('moves the unanswered 批示 to the new lead unit, to sign for again, on the timeline; answered ones stay', async () => {
    let o = await dispatchedOrder();
    const leader = await client('leader');
    const handler = await client('unit_handler');
    const handlerB = await client('handlerB');
    const write = async (text: string) => (await leader.post(`/api/orders/${o.id}/instructions`, { text })).json().id as string;
    const signed = await write('请先核实供热管网产权');
    const open = await write('三日内反馈整改方案');
    const answered = await write('请说明历史投诉情况');
    expect((await handler.post(`/api/instructions/${signed}/acknowledge`)).statusCode).toBe(200);
    expect((await handler.post(`/api/instructions/${answered}/acknowledge`)).statusCode).toBe(200);
    expect((await handler.post(`/api/instructions/${answered}/answer`, { answer: '近一年投诉三次' })).statusCode).toBe(200);

    o = await act(w, w.actors.unit_handler, o, 'request_return', { reason: '不属本单位职责' });
    o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptB1.id });

    const all = (await leader.get(`/api/instructions?orderId=${o.id}`)).json().items as {
      id: string;
      unitName: string;
      status: string;
      acknowledgedAt: string | null;
    }[];
    const byId = new Map(all.map((i) => [i.id, i]));
    expect(byId.get(signed)).toMatchObject({ unitName: 'B旗住建局', status: 'open', acknowledgedAt: null });
    expect(byId.get(open)).toMatchObject({ unitName: 'B旗住建局', status: 'open' });
    expect(byId.get(answered)).toMatchObject({ unitName: 'A旗住建局', status: 'answered' });

    // the new unit signs for and answers them; the old one no longer can
    const inboxB = (await handlerB.get('/api/instructions?status=open,acknowledged')).json().items as { id: string }[];
    expect(inboxB.map((i) => i.id)).toEqual(expect.arrayContaining([signed, open]));
    expect((await handler.post(`/api/instructions/${open}/acknowledge`)).statusCode).toBe(404);
    expect((await handlerB.post(`/api/instructions/${open}/acknowledge`)).statusCode).toBe(200);

    const moved = (await timelineKinds(o.id)).filter((e) => e.action === 'instruction_moved');
    expect(moved).toHaveLength(2); // written at one instant: in either order
    expect(moved.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instructionId: signed, fromUnitName: 'A旗住建局', toUnitName: 'B旗住建局' }),
        expect.objectContaining({ instructionId: open, fromUnitName: 'A旗住建局', toUnitName: 'B旗住建局' }),
      ]),
    );
    const notices = await noticesOf('handlerB', 'leader.instruction');
    expect(notices.filter((n) => n.orderNo === o.order_no).map((n) => n.text.zh)).toEqual(
      expect.arrayContaining([expect.stringContaining('批示转办'), expect.stringContaining('三日内反馈整改方案')]),
    );
  });
});

describe('疑难件 by hand', () => {
  it('marks an order difficult with its reason; it shows in the 疑难件 list and on the timeline, once', async () => {
    const o = await dispatchedOrder();
    const leader = await client('leader');
    expect(
      (await (await client('unit_handler')).post(`/api/orders/${o.id}/difficult`, { reason: '涉及多部门' })).statusCode,
    ).toBe(403);
    expect((await leader.post(`/api/orders/${o.id}/difficult`, { reason: '' })).json().error.field).toBe('body.reason');
    const res = await leader.post(`/api/orders/${o.id}/difficult`, { reason: '涉及多部门，历史遗留' });
    expect(res.json()).toEqual({ orderId: o.id, escalated: true, changed: true });
    expect(
      (await (await client('supervisor')).post(`/api/orders/${o.id}/difficult`, { reason: '再标一次' })).json().changed,
    ).toBe(false);
    const list = (await leader.get('/api/orders?escalated=true&limit=200')).json().items as { id: string; version: number }[];
    const row = list.find((x) => x.id === o.id);
    expect(row?.version).toBe(o.version); // a flag, not a step: the handler's open dialog stays valid
    const escalations = (await timelineKinds(o.id)).filter((e) => e.action === 'escalate');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ note: '涉及多部门，历史遗留', payload: { because: 'manual' } });
  });

  it('takes the mark off by hand with a reason: out of the 疑难件 list, on the timeline, once (ADR 0154)', async () => {
    const o = await dispatchedOrder();
    const leader = await client('leader');
    const supervisor = await client('supervisor');
    expect((await leader.post(`/api/orders/${o.id}/difficult/unmark`, { reason: '并非疑难' })).json()).toEqual({
      orderId: o.id,
      escalated: false,
      changed: false,
    });
    await leader.post(`/api/orders/${o.id}/difficult`, { reason: '涉及多部门' });
    expect(
      (await (await client('unit_handler')).post(`/api/orders/${o.id}/difficult/unmark`, { reason: '已理顺' })).statusCode,
    ).toBe(403);
    expect((await supervisor.post(`/api/orders/${o.id}/difficult/unmark`, { reason: ' ' })).json().error.field).toBe(
      'body.reason',
    );
    const res = await supervisor.post(`/api/orders/${o.id}/difficult/unmark`, { reason: '责任单位已明确，按一般件办理' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ orderId: o.id, escalated: false, changed: true });
    const list = (await leader.get('/api/orders?escalated=true&limit=200')).json().items as { id: string }[];
    expect(list.map((x) => x.id)).not.toContain(o.id);
    const detail = (await leader.get(`/api/orders/${o.id}`)).json();
    expect(detail.order).toMatchObject({ escalated: false, version: o.version });
    const steps = (await timelineKinds(o.id)).filter((e) => e.action === 'escalate' || e.action === 'unescalate');
    expect(steps.map((e) => [e.action, e.note])).toEqual([
      ['escalate', '涉及多部门'],
      ['unescalate', '责任单位已明确，按一般件办理'],
    ]);
    // another unit's order stays hidden, closed ones are not touched
    expect(
      (await leader.post(`/api/orders/00000000-0000-4000-8000-000000000000/difficult/unmark`, { reason: '无' })).statusCode,
    ).toBe(404);
  });
});

describe('会商 over HTTP', () => {
  it('asks several units, records each opinion once and the conclusion, all on the timeline', async () => {
    const o = await dispatchedOrder();
    const leader = await client('leader');
    const bad = await leader.post(`/api/orders/${o.id}/consultations`, { topic: '会商', unitIds: [] });
    expect(bad.json().error.field).toBe('body.unitIds');
    const opened = await leader.post(`/api/orders/${o.id}/consultations`, {
      topic: '供热管网改造责任划分',
      unitIds: [w.units.deptA1.id, w.units.deptB1.id],
    });
    expect(opened.statusCode).toBe(201);
    const c = opened.json();
    expect(c.units.map((u: { unitName: string; opinion: null }) => [u.unitName, u.opinion])).toEqual(
      expect.arrayContaining([
        ['A旗住建局', null],
        [w.units.deptB1.name, null],
      ]),
    );
    expect((await noticesOf('handlerB', 'leader.consultation'))[0].text.zh).toContain('供热管网改造');

    // handlerB's unit was asked though it does not handle the order: its pending list has it.
    const b = await client('handlerB');
    expect((await b.get('/api/consultations?pending=true')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await (await client('handlerA1a')).post(`/api/consultations/${c.id}/opinion`, { opinion: 'x' })).statusCode).toBe(
      404,
    );
    expect((await b.post(`/api/consultations/${c.id}/opinion`, { opinion: '由住建局牵头，我局配合' })).statusCode).toBe(200);
    expect((await b.post(`/api/consultations/${c.id}/opinion`, { opinion: '再说一次' })).statusCode).toBe(409);
    expect((await b.get('/api/consultations?pending=true')).json().items).toEqual([]);
    const a = await (await client('unit_handler')).post(`/api/consultations/${c.id}/opinion`, { opinion: '同意牵头' });
    expect(a.json().units.every((u: { opinion: string | null }) => u.opinion !== null)).toBe(true);

    expect(
      (await (await client('unit_handler')).post(`/api/consultations/${c.id}/conclude`, { conclusion: 'x' })).statusCode,
    ).toBe(403);
    const done = await leader.post(`/api/consultations/${c.id}/conclude`, { conclusion: '住建局牵头，五日内完成' });
    expect(done.json()).toMatchObject({ conclusion: '住建局牵头，五日内完成', concludedAt: expect.any(String) });
    expect((await leader.post(`/api/consultations/${c.id}/conclude`, { conclusion: '再改' })).statusCode).toBe(409);
    expect((await (await client('handlerA1a')).post(`/api/consultations/${c.id}/opinion`, { opinion: 'x' })).statusCode).toBe(
      404,
    );

    const events = await timelineKinds(o.id);
    expect(events.filter((e) => e.action === 'consult_opinion')).toHaveLength(2);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['consult_open', 'consult_conclude']));
    const ofOrder = (await leader.get(`/api/consultations?orderId=${o.order_no}`)).json().items;
    expect(ofOrder).toHaveLength(1);
  });
});

describe('盯办 by a supervisor', () => {
  it('tells the centre leaders; one added by a leader does not notify', async () => {
    const o = await dispatchedOrder();
    const res = await (await client('supervisor')).post(`/api/orders/${o.id}/leader-followup`, { reason: '群众多次来电' });
    expect(res.json()).toEqual({ added: true });
    const notices = await noticesOf('leader', 'leader.followup');
    expect(notices.find((n) => n.orderNo === o.order_no)?.text.zh).toContain('群众多次来电');

    const o2 = await dispatchedOrder();
    await (await client('leader')).post(`/api/orders/${o2.id}/leader-followup`, { reason: '自己盯' });
    expect((await noticesOf('leader', 'leader.followup')).some((n) => n.orderNo === o2.order_no)).toBe(false);
  });
});
