import { beforeAll, describe, expect, it } from 'vitest';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();
const clients = {} as Record<keyof World['usernames'], Client>;

beforeAll(async () => {
  for (const who of Object.keys(w.usernames) as (keyof World['usernames'])[]) clients[who] = await asUser(app, w, who);
});

const appeal = () => ({
  channel: 'phone',
  appealType: 'complaint',
  priority: 3,
  title: '楼道灯不亮',
  content: '三单元楼道灯坏了一个月。',
  callerName: '王五',
  callerPhone: '13812345678',
  categoryId: w.categoryId,
});

async function createOrder() {
  const res = await clients.operator.post('/api/orders', appeal());
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; orderNo: string; version: number };
}

async function actOn(client: Client, id: string, action: string, body: Record<string, unknown>) {
  return client.post(`/api/orders/${id}/actions/${action}`, body);
}

describe('intake over HTTP', () => {
  it('lets operators and dispatchers accept appeals, and nobody else', async () => {
    const expected: Record<string, number> = {
      operator: 201,
      dispatcher: 201,
      unit_handler: 403,
      unit_admin: 403,
      supervisor: 403,
      leader: 403,
      analyst: 403,
      admin: 403,
      security_admin: 403,
      auditor: 403,
    };
    for (const [who, status] of Object.entries(expected)) {
      const res = await clients[who as keyof typeof clients].post('/api/orders', appeal());
      expect(`${who}:${res.statusCode}`).toBe(`${who}:${status}`);
    }
  });

  it('names the field on bad input and writes nothing', async () => {
    const before = (await clients.operator.get('/api/orders?limit=200')).json().items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...appeal(), priority: 9 }, 'body.priority'],
      [{ ...appeal(), appealType: 'gossip' }, 'body.appealType'],
      [{ ...appeal(), callerPhone: 'call me' }, 'body.callerPhone'],
      [{ ...appeal(), title: undefined }, 'body.title'],
      [{ ...appeal(), extra: 1 }, 'body.extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await clients.operator.post('/api/orders', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', field });
    }
    const unknownCategory = await clients.operator.post('/api/orders', {
      ...appeal(),
      categoryId: '11111111-1111-4111-8111-111111111111',
    });
    expect(unknownCategory.json().error).toMatchObject({ code: 'VALIDATION', field: 'categoryId' });
    expect((await clients.operator.get('/api/orders?limit=200')).json().items.length).toBe(before);
  });
});

describe('the loop over HTTP, role by role', () => {
  it('walks an order through every stage with the right role at each step', async () => {
    let o = await createOrder();
    let res = await actOn(clients.dispatcher, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptA1.id });
    expect(res.statusCode).toBe(200);
    o = res.json();
    // The wrong unit cannot even see it; the wrong role is refused.
    expect((await actOn(clients.handlerB, o.id, 'sign', { version: o.version })).statusCode).toBe(404);
    expect((await actOn(clients.supervisor, o.id, 'sign', { version: o.version })).statusCode).toBe(403);
    for (const [client, action, body] of [
      [clients.unit_handler, 'sign', {}],
      [clients.unit_handler, 'record-contact', { method: 'phone', summary: '已电话联系' }],
      [clients.unit_handler, 'reply', { result: 'resolved', text: '已维修' }],
      [clients.supervisor, 'review-accept', {}],
      [clients.supervisor, 'visit-close', { reached: true, satisfaction: 'satisfied', resolved: true }],
    ] as const) {
      res = await actOn(client, o.id, action, { version: o.version, ...body });
      expect(`${action}:${res.statusCode}`).toBe(`${action}:200`);
      o = res.json();
    }
    const timeline = (await clients.leader.get(`/api/orders/${o.orderNo}/timeline`)).json();
    expect(timeline.events.map((e: { action: string }) => e.action)).toEqual([
      'accept',
      'dispatch',
      'sign',
      'record_contact',
      'reply',
      'review_accept',
      'visit_close',
    ]);
  });

  it('answers 409 to a stale version and to an action the state does not allow', async () => {
    const o = await createOrder();
    expect(
      (await actOn(clients.dispatcher, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptA1.id })).statusCode,
    ).toBe(200);
    const stale = await actOn(clients.dispatcher, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptB1.id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const wrongState = await actOn(clients.supervisor, o.id, 'review-accept', { version: o.version + 1 });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('validates action bodies field by field', async () => {
    const o = await createOrder();
    const res = await actOn(clients.operator, o.id, 'reject', { version: o.version, reason: 'bored', explanation: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('body.reason');
    const noVersion = await actOn(clients.operator, o.id, 'answer-directly', { answer: 'x' });
    expect(noVersion.json().error.field).toBe('body.version');
    // A reply or a reason of spaces says nothing: refused as blank, and the order is untouched.
    for (const answer of ['   ', '\n\t　', '']) {
      const blank = await actOn(clients.operator, o.id, 'answer-directly', { version: o.version, answer });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error).toMatchObject({ field: 'body.answer', message: '请填写内容，不能为空或只有空格：body.answer' });
    }
    const after = (await clients.operator.get(`/api/orders/${o.id}`)).json();
    expect(after.order).toMatchObject({ state: 'accepted', version: o.version });
  });

  it('stores a caller number however it was typed as one number, and finds it by any of its forms', async () => {
    const res = await clients.operator.post('/api/orders', { ...appeal(), callerPhone: '139-8765-4321' });
    expect(res.statusCode).toBe(201);
    const detail = (await clients.operator.get(`/api/orders/${res.json().id}`)).json();
    expect(detail.order.caller.phone).toBe('13987654321'); // operators hold pii.read
    for (const typed of ['13987654321', '+86 139 8765 4321', '0086-139-8765-4321']) {
      const list = (await clients.operator.get(`/api/orders?callerPhone=${encodeURIComponent(typed)}`)).json();
      expect(list.items.map((o: { id: string }) => o.id)).toEqual([res.json().id]);
    }
    const noNumber = await clients.operator.post('/api/orders', { ...appeal(), callerPhone: '12345' });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().error.field).toBe('body.callerPhone');
  });

  it('lets exactly one of two simultaneous dispatches win', async () => {
    const o = await createOrder();
    const [a, b] = await Promise.all([
      actOn(clients.dispatcher, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptA1.id }),
      actOn(clients.operator, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptB1.id }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = (await clients.dispatcher.get(`/api/orders/${o.id}/timeline`)).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'dispatch')).toHaveLength(1);
  });
});

describe('visibility and masking over HTTP', () => {
  it('shows a unit only its own orders; another unit gets 404 on detail, timeline and list', async () => {
    const o = await createOrder();
    await actOn(clients.dispatcher, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptA1.id });
    expect((await clients.unit_handler.get(`/api/orders/${o.id}`)).statusCode).toBe(200);
    expect((await clients.unit_admin.get(`/api/orders/${o.id}`)).statusCode).toBe(200);
    expect((await clients.handlerB.get(`/api/orders/${o.id}`)).statusCode).toBe(404);
    expect((await clients.handlerB.get(`/api/orders/${o.orderNo}/timeline`)).statusCode).toBe(404);
    const list = (await clients.handlerB.get('/api/orders?limit=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(o.id);
    expect((await clients.admin.get(`/api/orders/${o.id}`)).statusCode).toBe(403);
  });

  it('masks the caller in lists for everyone and in detail for roles without need', async () => {
    const o = await createOrder();
    await actOn(clients.dispatcher, o.id, 'dispatch', { version: o.version, leadUnitId: w.units.deptA1.id });
    const list = (await clients.operator.get('/api/orders?callerPhone=13812345678&limit=5')).json();
    expect(list.items[0].caller.phone).toBe('138****5678');
    const asLeader = (await clients.leader.get(`/api/orders/${o.id}`)).json();
    expect(asLeader.order.caller).toMatchObject({ phone: '138****5678', name: '王*', masked: true });
    const asAnalyst = (await clients.analyst.get(`/api/orders/${o.id}`)).json();
    expect(asAnalyst.order.caller.masked).toBe(true);
    const asDispatcher = (await clients.dispatcher.get(`/api/orders/${o.id}`)).json();
    expect(asDispatcher.order.caller).toMatchObject({ phone: '13812345678', masked: false });
    expect(asDispatcher.availableActions).toEqual([]);
    const asHandler = (await clients.unit_handler.get(`/api/orders/${o.id}`)).json();
    expect(asHandler.availableActions).toEqual(expect.arrayContaining(['sign', 'request_return']));
  });
});

describe('reference data and users', () => {
  it('serves the unit tree, categories and regions to staff', async () => {
    const units = (await clients.dispatcher.get('/api/units')).json().items;
    expect(units.find((u: { id: string }) => u.id === w.units.teamA1a.id).parentId).toBe(w.units.deptA1.id);
    expect((await clients.operator.get('/api/categories')).json().items.length).toBe(2);
    expect((await clients.operator.get('/api/regions')).json().items.length).toBe(1);
  });

  it('lets only the security administrator create users, with argon2id hashes', async () => {
    const body = {
      username: 'newclerk',
      displayName: '新办事员',
      password: 'Clerk@2025',
      unitId: w.units.deptB1.id,
      roles: ['unit_handler'],
    };
    expect((await clients.supervisor.post('/api/users', body)).statusCode).toBe(403);
    expect((await clients.admin.post('/api/users', body)).statusCode).toBe(403);
    const res = await clients.security_admin.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    const row = await w.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'newclerk')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await clients.security_admin.post('/api/users', body)).statusCode).toBe(409);
    expect((await clients.security_admin.post('/api/users', { ...body, username: 'x2', roles: ['king'] })).statusCode).toBe(400);
  });
});
