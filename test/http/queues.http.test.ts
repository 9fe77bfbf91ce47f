import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { database, w, app } = useApp();
const clients = {} as Record<keyof World['usernames'], Client>;
/** Five orders dispatched to department A1, accepted an hour apart; their deadlines run the other way round. */
const dispatched: Order[] = [];
/** Three orders waiting for dispatch: two of the world's category, one of the other. */
const waiting: Order[] = [];
let otherCategoryId = '';

beforeAll(async () => {
  for (const who of Object.keys(w.usernames) as (keyof World['usernames'])[]) clients[who] = await asUser(app, w, who);
  const other = await database.db
    .selectFrom('categories')
    .select('id')
    .where('centre_id', '=', w.centreId)
    .where('id', '!=', w.categoryId)
    .executeTakeFirstOrThrow();
  otherCategoryId = other.id;
  for (let i = 0; i < 5; i++) {
    const o = await newOrder(w, { title: `排序工单${i}`, callerPhone: `1390000000${i}` });
    dispatched.push(await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id }));
    w.clock.advance(60 * 60 * 1000);
  }
  for (const [i, o] of dispatched.entries()) {
    const due = new Date(Date.parse('2025-03-10T00:00:00Z') - i * 3600_000);
    await database.db.updateTable('orders').set({ deadline_due_at: due }).where('id', '=', o.id).execute();
  }
  for (const [title, categoryId] of [
    ['待派A', w.categoryId],
    ['待派B', w.categoryId],
    ['待派C', otherCategoryId],
  ] as const) {
    waiting.push(await newOrder(w, { title, categoryId }));
    w.clock.advance(60_000);
  }
});

const page = async (client: Client, query: string) => {
  const res = await client.get(`/api/orders?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { orderNo: string; title: string }[]; total: number; totalCapped: boolean; hasMore: boolean };
};

describe('GET /api/orders sorts and pages on the server', () => {
  it('pages the unit inbox by nearest deadline with a total', async () => {
    const first = await page(clients.unit_handler, 'state=dispatched&sort=deadline&limit=2&offset=0');
    const second = await page(clients.unit_handler, 'state=dispatched&sort=deadline&limit=2&offset=2');
    const third = await page(clients.unit_handler, 'state=dispatched&sort=deadline&limit=2&offset=4');
    expect(first.total).toBe(5);
    expect(first.totalCapped).toBe(false);
    expect([...first.items, ...second.items, ...third.items].map((o) => o.title)).toEqual(
      dispatched.map((o) => o.title).reverse(),
    );
    expect(third.hasMore).toBe(false);
    const latest = await page(clients.unit_handler, 'state=dispatched&sort=deadline_desc&limit=1');
    expect(latest.items[0]!.title).toBe('排序工单0');
    const newest = await page(clients.dispatcher, 'sort=accepted&limit=1');
    expect(newest.items[0]!.title).toBe('待派C');
    expect(newest.total).toBe(8);
  });

  it('refuses an unknown sort naming the field', async () => {
    const res = await clients.dispatcher.get('/api/orders?sort=title');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('sort');
  });
});

describe('the callerPhone filter is personal data', () => {
  it('answers 403 to roles without pii.read and logs each look-up', async () => {
    for (const who of ['unit_handler', 'leader', 'analyst'] as const) {
      expect((await clients[who].get('/api/orders?callerPhone=13900000002')).statusCode).toBe(403);
    }
    const res = await page(clients.dispatcher, 'callerPhone=13900000002');
    expect(res.items.map((o) => o.title)).toEqual(['排序工单2']);
    const log = await database.db
      .selectFrom('pii_access_log')
      .selectAll()
      .where('purpose', '=', 'order.list.callerPhone')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ order_id: dispatched[2]!.id, user_id: w.actors.dispatcher.userId, fields: ['caller_phone'] });
    const exportRes = await clients.unit_handler.get('/api/orders/export.csv?callerPhone=13900000002');
    expect([403, 404]).toContain(exportRes.statusCode);
  });
});

describe('saved filters and columns per user per queue', () => {
  it('saves, lists and deletes a filter of one user and one queue', async () => {
    const saved = await clients.unit_handler.post('/api/queues/unit_inbox/filters', {
      name: '红灯待签',
      query: { state: 'dispatched', warning: 'red', sort: 'deadline' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const again = await clients.unit_handler.post('/api/queues/unit_inbox/filters', { name: '红灯待签', query: {} });
    expect(again.statusCode).toBe(409);
    // Said as what it is (a name already used), naming the field — not "refresh and try again".
    expect(again.json().error).toMatchObject({ field: 'name', message: expect.stringContaining('已有同名的筛选「红灯待签」') });
    const withPhone = await clients.unit_handler.post('/api/queues/unit_inbox/filters', {
      name: '某人',
      query: { callerPhone: '13900000002' },
    });
    expect(withPhone.statusCode).toBe(400);
    expect((await clients.unit_handler.post('/api/queues/nowhere/filters', { name: 'x', query: {} })).statusCode).toBe(400);
    const mine = (await clients.unit_handler.get('/api/queues/unit_inbox/filters')).json();
    expect(mine.items).toMatchObject([{ name: '红灯待签', query: { state: 'dispatched', warning: 'red', sort: 'deadline' } }]);
    expect((await clients.handlerB.get('/api/queues/unit_inbox/filters')).json().items).toEqual([]);
    expect((await clients.unit_handler.get('/api/queues/dispatch/filters')).json().items).toEqual([]);
    const id = saved.json().id as string;
    expect((await clients.handlerB.request({ method: 'DELETE', url: `/api/queues/unit_inbox/filters/${id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await clients.unit_handler.request({ method: 'DELETE', url: `/api/queues/unit_inbox/filters/${id}` })).statusCode,
    ).toBe(204);
    expect((await clients.unit_handler.get('/api/queues/unit_inbox/filters')).json().items).toEqual([]);
  });

  it('keeps a column choice per user per queue', async () => {
    expect((await clients.dispatcher.get('/api/queues/dispatch/columns')).json()).toEqual({ columns: null });
    const put = (columns: unknown) =>
      clients.dispatcher.request({ method: 'PUT', url: '/api/queues/dispatch/columns', payload: { columns } });
    expect((await put(['deadline', 'title'])).statusCode).toBe(200);
    expect((await put(['title', 'callerPhone'])).statusCode).toBe(400);
    expect((await put([])).statusCode).toBe(400);
    expect((await clients.dispatcher.get('/api/queues/dispatch/columns')).json()).toEqual({ columns: ['deadline', 'title'] });
    expect((await clients.dispatcher.get('/api/queues/orders/columns')).json()).toEqual({ columns: null });
  });
});

describe('POST /api/orders/bulk', () => {
  const ref = (o: Order, version = o.version) => ({ id: o.id, version });

  it('signs each order in its own transition and refuses a stale one alone', async () => {
    const [a, b, c] = dispatched;
    const res = await clients.unit_handler.post('/api/orders/bulk', {
      action: 'sign',
      orders: [ref(a!), ref(b!, b!.version - 1), ref(c!)],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ action: 'sign', okCount: 2, refusedCount: 1 });
    expect(body.results.map((r: { orderNo: string; ok: boolean }) => [r.orderNo, r.ok])).toEqual([
      [a!.order_no, true],
      [b!.order_no, false],
      [c!.order_no, true],
    ]);
    expect(body.results[1]).toMatchObject({ code: 'CONFLICT', reason: { zh: expect.stringContaining('刷新') } });
    const states = await database.db
      .selectFrom('orders')
      .select(['id', 'state'])
      .where('id', 'in', [a!.id, b!.id, c!.id])
      .execute();
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({
      [a!.id]: 'handling',
      [b!.id]: 'dispatched',
      [c!.id]: 'handling',
    });
    const events = await database.db.selectFrom('order_events').select('order_id').where('action', '=', 'sign').execute();
    expect(events.map((e) => e.order_id).sort()).toEqual([a!.id, c!.id].sort());
  });

  it('dispatches orders of one category to one unit and refuses another category', async () => {
    const res = await clients.dispatcher.post('/api/orders/bulk', {
      action: 'dispatch',
      leadUnitId: w.units.deptB1.id,
      orders: waiting.map((o) => ref(o)),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(body.results[2].reason.zh).toContain('同一分类');
    const rows = await database.db
      .selectFrom('orders')
      .select(['state', 'lead_unit_id'])
      .where(
        'id',
        'in',
        waiting.map((o) => o.id),
      )
      .orderBy('title')
      .execute();
    expect(rows).toEqual([
      { state: 'dispatched', lead_unit_id: w.units.deptB1.id },
      { state: 'dispatched', lead_unit_id: w.units.deptB1.id },
      { state: 'accepted', lead_unit_id: null },
    ]);
    const noUnit = await clients.dispatcher.post('/api/orders/bulk', { action: 'dispatch', orders: [ref(waiting[2]!)] });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.body).toContain('leadUnitId');
  });

  it('urges as a supervisor only, at most 100 orders', async () => {
    const orders = [ref(dispatched[3]!), ref(dispatched[4]!)];
    const asUnit = await clients.unit_handler.post('/api/orders/bulk', { action: 'urge', note: '请尽快', orders });
    expect(asUnit.json().results.every((r: { ok: boolean; code: string }) => !r.ok && r.code === 'FORBIDDEN')).toBe(true);
    const res = await clients.supervisor.post('/api/orders/bulk', { action: 'urge', note: '请尽快签收', orders });
    expect(res.json()).toMatchObject({ okCount: 2, refusedCount: 0 });
    const urges = await database.db.selectFrom('order_events').select('order_id').where('action', '=', 'urge').execute();
    expect(urges).toHaveLength(2);
    const tooMany = Array.from({ length: 101 }, () => ref(dispatched[3]!));
    expect((await clients.supervisor.post('/api/orders/bulk', { action: 'urge', note: 'x', orders: tooMany })).statusCode).toBe(
      400,
    );
  });
});
