import { beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.js';
import { insertUnit } from '../../src/org/unit.repository.js';
import { hashPassword } from '../../src/users/password.js';
import { insertUser } from '../../src/users/user.repository.js';
import { TEST_PASSWORD, type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

/**
 * Forwarding down the unit tree (下派, issue 14, ADR 0115/0116) over HTTP: centre → county →
 * department → town, replies accepted back up, the lead unit's reply, review, visit, close; returns
 * one hop up; the village rule; visibility of forwarded orders.
 */
const { database, w, app } = useApp();
const c = {} as Record<keyof World['usernames'] | 'town' | 'village', Client>;
let village: Unit;

beforeAll(async () => {
  for (const who of Object.keys(w.usernames) as (keyof World['usernames'])[]) c[who] = await asUser(app, w, who);
  const db = database.db;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  village = await insertUnit(db, {
    centreId: w.centreId,
    parentId: w.units.townA2.id,
    parentPath: w.units.townA2.path,
    code: 'UA2v',
    name: 'A旗某镇某嘎查',
    kind: 'village',
  });
  for (const [name, unit] of [
    ['town', w.units.townA2],
    ['village', village],
  ] as const) {
    const username = `${name}_${w.centreId.slice(0, 6)}`;
    await insertUser(db, {
      centreId: w.centreId,
      unitId: unit.id,
      username,
      displayName: name,
      passwordHash,
      roles: ['unit_handler'],
    });
    (w.usernames as Record<string, string>)[name] = username;
    c[name] = await asUser(app, w, name as keyof World['usernames']);
  }
});

type OrderRef = { id: string; version: number };
type Chain = {
  holderUnitId: string | null;
  forwarderDueAt: string | null;
  hops: { depth: number; state: string; toUnitId: string; dueAt: string; replyText: string | null }[];
  targets: { id: string }[];
};

async function act(client: Client, order: OrderRef, action: string, body: Record<string, unknown> = {}) {
  const version = (await c.dispatcher.get(`/api/orders/${order.id}`)).json().order.version as number;
  return client.post(`/api/orders/${order.id}/actions/${action.replace(/_/g, '-')}`, { version, ...body });
}
async function ok(client: Client, order: OrderRef, action: string, body: Record<string, unknown> = {}) {
  const res = await act(client, order, action, body);
  expect(`${action}:${res.statusCode}:${res.statusCode === 200 ? '' : res.body}`).toBe(`${action}:200:`);
  return res.json() as OrderRef & { state: string };
}
const chain = async (client: Client, order: OrderRef) =>
  (await client.get(`/api/orders/${order.id}/forward-chain`)).json() as Chain;
const hoursBefore = (iso: string, h: number) => new Date(new Date(iso).getTime() - h * 3_600_000).toISOString();

/** An order dispatched to county A and signed there: the county government holds it. */
async function atCounty(): Promise<OrderRef> {
  const created = await c.operator.post('/api/orders', {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title: '小区门口路灯不亮',
    content: '某镇小区门口的路灯坏了两周。',
    callerName: '王五',
    callerPhone: '13812345678',
    categoryId: w.categoryId,
  });
  const order = created.json() as OrderRef;
  await ok(c.dispatcher, order, 'dispatch', { leadUnitId: w.units.countyA.id });
  await ok(c.unit_admin, order, 'sign');
  return order;
}

describe('forwarding down the tree over HTTP', () => {
  it('goes centre → county → department → town and back up, then review, visit and close, every hop on the timeline', async () => {
    const order = await atCounty();
    const top = await chain(c.unit_admin, order);
    expect(top.holderUnitId).toBe(w.units.countyA.id);
    expect(top.forwarderDueAt).not.toBeNull();
    // The county may forward to its departments and towns, never to a unit of another county.
    const targets = top.targets.map((t) => t.id);
    expect(targets).toEqual(expect.arrayContaining([w.units.deptA1.id, w.units.townA2.id]));
    expect(targets).not.toContain(w.units.deptB1.id);
    expect(targets).not.toContain(village.id);

    // The department's deadline must lie inside the county's own.
    const countyDue = top.forwarderDueAt!;
    const late = await act(c.unit_admin, order, 'forward', {
      toUnitId: w.units.deptA1.id,
      instructions: '请住建局核查',
      deadline: hoursBefore(countyDue, -1),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.field).toBe('deadline');
    const deptDue = hoursBefore(countyDue, 24);
    await ok(c.unit_admin, order, 'forward', { toUnitId: w.units.deptA1.id, instructions: '请住建局核查', deadline: deptDue });

    // Only the units it was forwarded to see it: the department does now, another county's does not.
    expect((await c.unit_handler.get(`/api/orders/${order.id}`)).statusCode).toBe(200);
    expect((await c.handlerB.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await c.town.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await c.handlerB.get(`/api/orders/${order.id}/forward-chain`)).statusCode).toBe(404);
    const inbox = (await c.unit_handler.get('/api/forwarding/inbox')).json();
    expect(inbox.incoming.map((i: { orderId: string }) => i.orderId)).toContain(order.id);

    // The lead unit cannot reply while the order is down the chain.
    const early = await act(c.unit_admin, order, 'reply', { result: 'resolved', text: '已处理' });
    expect(early.statusCode).toBe(409);

    await ok(c.unit_handler, order, 'hop_sign');
    const deptChain = await chain(c.unit_handler, order);
    expect(deptChain.holderUnitId).toBe(w.units.deptA1.id);
    expect(deptChain.forwarderDueAt).toBe(deptDue);
    const tooLate = await act(c.unit_handler, order, 'forward', {
      toUnitId: w.units.townA2.id,
      instructions: '请镇里到现场',
      deadline: hoursBefore(deptDue, -1),
    });
    expect(tooLate.json().error.field).toBe('deadline');
    const townDue = hoursBefore(deptDue, 24);
    await ok(c.unit_handler, order, 'forward', { toUnitId: w.units.townA2.id, instructions: '请镇里到现场', deadline: townDue });
    expect((await c.town.get(`/api/orders/${order.id}`)).statusCode).toBe(200);

    // The village rule: a functional department's work is not passed to a village committee.
    await ok(c.town, order, 'hop_sign');
    const refused = await act(c.town, order, 'forward', {
      toUnitId: village.id,
      instructions: '请嘎查协助',
      deadline: hoursBefore(townDue, 2),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION', field: 'toUnitId' });
    expect(refused.json().error.message).toContain('村（嘎查）委员会');
    expect((await chain(c.town, order)).targets).toEqual([]);

    // Replies go up one hop at a time.
    await ok(c.town, order, 'hop_reply', { result: 'resolved', text: '镇里已修好路灯' });
    const toAccept = (await c.unit_handler.get('/api/forwarding/inbox')).json().toAccept;
    expect(toAccept.map((i: { orderId: string }) => i.orderId)).toContain(order.id);
    expect((await chain(c.dispatcher, order)).holderUnitId).toBe(w.units.deptA1.id);
    await ok(c.unit_handler, order, 'hop_accept');
    await ok(c.unit_handler, order, 'hop_reply', { result: 'resolved', text: '住建局核实：路灯已修复' });
    await ok(c.unit_admin, order, 'hop_accept');
    const back = await chain(c.dispatcher, order);
    expect(back.holderUnitId).toBe(w.units.countyA.id);
    expect(back.hops.map((h) => [h.depth, h.state])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
    ]);
    expect(back.hops[1]!.dueAt <= back.hops[0]!.dueAt).toBe(true);

    // At the top the lead unit's own reply path continues.
    await ok(c.unit_admin, order, 'reply', { result: 'resolved', text: '路灯已修复' });
    await ok(c.supervisor, order, 'review_accept');
    const closed = await ok(c.supervisor, order, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
    expect(closed.state).toBe('closed');

    const events = (await c.dispatcher.get(`/api/orders/${order.id}/timeline`)).json().events as {
      action: string;
      payload: Record<string, unknown>;
    }[];
    const kinds = events.map((e) => e.action);
    expect(kinds.filter((k) => k.startsWith('hop_') || k === 'forward')).toEqual([
      'forward',
      'hop_sign',
      'forward',
      'hop_sign',
      'hop_reply',
      'hop_accept',
      'hop_reply',
      'hop_accept',
    ]);
    const forwards = events.filter((e) => e.action === 'forward').map((e) => e.payload);
    expect(forwards.map((p) => [p.toUnitId, p.deadline])).toEqual([
      [w.units.deptA1.id, deptDue],
      [w.units.townA2.id, townDue],
    ]);
  });

  it('returns one hop up, with the reason, and the holder forwards again', async () => {
    const order = await atCounty();
    const due = (await chain(c.unit_admin, order)).forwarderDueAt!;
    await ok(c.unit_admin, order, 'forward', {
      toUnitId: w.units.deptA1.id,
      instructions: '请核查',
      deadline: hoursBefore(due, 24),
    });
    await ok(c.unit_handler, order, 'hop_sign');
    await ok(c.unit_handler, order, 'forward', {
      toUnitId: w.units.townA2.id,
      instructions: '请到现场',
      deadline: hoursBefore(due, 48),
    });
    const blank = await act(c.town, order, 'hop_return', { reason: '  ' });
    expect(blank.json().error.field).toBe('body.reason');
    await ok(c.town, order, 'hop_return', { reason: '不属于本镇辖区' });
    let now = await chain(c.dispatcher, order);
    expect(now.holderUnitId).toBe(w.units.deptA1.id);
    expect(now.hops.map((h) => h.state)).toEqual(['handling', 'returned']);
    // Returned: the town cannot act on it any more.
    expect((await act(c.town, order, 'hop_reply', { result: 'resolved', text: 'x' })).statusCode).toBe(403);
    await ok(c.unit_handler, order, 'hop_return', { reason: '需县政府协调' });
    now = await chain(c.unit_admin, order);
    expect(now.holderUnitId).toBe(w.units.countyA.id);
    expect(now.targets.length).toBeGreaterThan(0);
    // A send-back: the forwarder refuses a reply and the sub-unit handles again.
    await ok(c.unit_admin, order, 'forward', {
      toUnitId: w.units.townA2.id,
      instructions: '请镇里直接办理',
      deadline: hoursBefore(due, 24),
    });
    await ok(c.town, order, 'hop_sign');
    await ok(c.town, order, 'hop_reply', { result: 'partly', text: '已联系' });
    await ok(c.unit_admin, order, 'hop_send_back', { reason: '请说明修复时间' });
    expect((await chain(c.town, order)).hops.at(-1)!.state).toBe('handling');
    const events = (await c.dispatcher.get(`/api/orders/${order.id}/timeline`)).json().events as {
      action: string;
      note: string | null;
      payload: { reason?: string };
    }[];
    expect(events.filter((e) => e.action === 'hop_return').map((e) => e.payload.reason)).toEqual([
      '不属于本镇辖区',
      '需县政府协调',
    ]);
  });

  it('lets a town pass its own (non-department) work to a village, and refuses a department forwarding there', async () => {
    const order = await atCounty();
    const due = (await chain(c.unit_admin, order)).forwarderDueAt!;
    await ok(c.unit_admin, order, 'forward', {
      toUnitId: w.units.townA2.id,
      instructions: '请镇里办理',
      deadline: hoursBefore(due, 24),
    });
    await ok(c.town, order, 'hop_sign');
    expect((await chain(c.town, order)).targets.map((t) => t.id)).toEqual([village.id]);
    await ok(c.town, order, 'forward', { toUnitId: village.id, instructions: '请嘎查入户了解', deadline: hoursBefore(due, 48) });
    expect((await c.village.get(`/api/orders/${order.id}`)).statusCode).toBe(200);

    const other = await atCounty();
    await ok(c.unit_admin, other, 'forward', {
      toUnitId: w.units.deptA1.id,
      instructions: '请核查',
      deadline: hoursBefore(due, 24),
    });
    await ok(c.unit_handler, other, 'hop_sign');
    const direct = await act(c.unit_handler, other, 'forward', {
      toUnitId: village.id,
      instructions: 'x',
      deadline: hoursBefore(due, 48),
    });
    expect(direct.statusCode).toBe(400);
    expect(direct.json().error.field).toBe('toUnitId');
    const sideways = await act(c.unit_handler, other, 'forward', {
      toUnitId: w.units.deptB1.id,
      instructions: 'x',
      deadline: hoursBefore(due, 48),
    });
    expect(sideways.json().error.field).toBe('toUnitId');
    expect((await c.village.get(`/api/orders/${other.id}`)).statusCode).toBe(404);
  });

  it('never dispatches to a village committee, as lead or assisting unit, nor names one in a catalogue rule', async () => {
    const created = await c.operator.post('/api/orders', {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '嘎查道路积水',
      content: '嘎查门口道路积水。',
      callerPhone: '13812345679',
      categoryId: w.categoryId,
    });
    const order = created.json() as OrderRef;
    const lead = await act(c.dispatcher, order, 'dispatch', { leadUnitId: village.id });
    expect(lead.statusCode).toBe(400);
    expect(lead.json().error).toMatchObject({ field: 'leadUnitId', message: expect.stringContaining('村（嘎查）委员会') });
    const assist = await act(c.dispatcher, order, 'dispatch', { leadUnitId: w.units.townA2.id, assistUnitIds: [village.id] });
    expect(assist.statusCode).toBe(400);
    expect(assist.json().error.field).toBe('assistUnitIds');
    expect((await c.dispatcher.get(`/api/orders/${order.id}`)).json().order.state).toBe('accepted'); // nothing written
    const rule = await c.admin.post('/api/catalogue/rules', {
      categoryId: w.categoryId,
      regionId: w.regionId,
      leadUnitId: village.id,
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.field).toBe('leadUnitId');
    await ok(c.dispatcher, order, 'dispatch', { leadUnitId: w.units.townA2.id });
  });

  it('refuses hop moves out of turn: 409 for the wrong step, 403 for the wrong unit', async () => {
    const order = await atCounty();
    const due = (await chain(c.unit_admin, order)).forwarderDueAt!;
    expect((await act(c.unit_admin, order, 'hop_sign')).statusCode).toBe(409);
    await ok(c.unit_admin, order, 'forward', {
      toUnitId: w.units.deptA1.id,
      instructions: '请核查',
      deadline: hoursBefore(due, 24),
    });
    expect((await act(c.unit_handler, order, 'hop_reply', { result: 'resolved', text: 'x' })).statusCode).toBe(409);
    expect((await act(c.handlerB, order, 'hop_sign')).statusCode).toBe(404);
    expect((await act(c.unit_handler, order, 'hop_accept')).statusCode).toBe(403);
  });
});
