import { beforeAll, describe, expect, it } from 'vitest';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { insertGridPerson } from '../../src/geo/verification.repository.js';
import { insertUser } from '../../src/users/user.repository.js';
import { fromWgs84 } from '../../src/shared/coordinates.js';
import { asUser, type Client } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// 现场核实 (issue 18, ADR 0186): the centre sends an order to its grid; the grid worker of that grid
// (only) sees and answers it with result, note and GPS point; a far point is flagged; the task's own
// clock (2 h) runs in order_deadlines and ends when answered; both steps are on the order's timeline.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let admin: Client;
let dispatcher: Client;
let worker: Client;
let handler: Client;
let grid1 = '';
let grid2 = '';

const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];
const feature = (code: string, coords: number[][][]) => ({
  type: 'Feature',
  properties: { code, name: `${code}网格`, region: 'R901' },
  geometry: { type: 'Polygon', coordinates: coords },
});

beforeAll(async () => {
  admin = await asUser(app, w, 'admin');
  dispatcher = await asUser(app, w, 'dispatcher');
  worker = await asUser(app, w, 'gridworker');
  handler = await asUser(app, w, 'unit_handler');
  await insertRegion(database.db, { centreId: w.centreId, parentId: w.regionId, code: 'R901', name: '某街道', level: 2 });
  const imported = await admin.post('/api/grids/import', {
    geojson: {
      type: 'FeatureCollection',
      features: [feature('V1', ring(116.0, 43.9, 116.1, 44.0)), feature('V2', ring(116.1, 43.9, 116.2, 44.0))],
    },
  });
  expect(imported.statusCode).toBe(200);
  const grids = await database.db.selectFrom('grids').select(['id', 'code']).where('centre_id', '=', w.centreId).execute();
  grid1 = grids.find((g) => g.code === 'V1')!.id;
  grid2 = grids.find((g) => g.code === 'V2')!.id;
  const at = w.clock.now();
  await insertGridPerson(database.db, {
    centreId: w.centreId,
    gridId: grid1,
    userId: w.actors.gridworker.userId,
    role: 'worker',
    name: '网格员',
    at,
  });
});

describe('on-site verification', () => {
  it('is sent by the centre to the grid of the order, with a 2-hour clock and a timeline event', async () => {
    const order = await newOrder(w, { lat: 43.95, lng: 116.05, address: '某小区 3 号楼' });
    expect(order.grid_id).toBe(grid1);
    expect((await handler.post(`/api/orders/${order.id}/verification`, {})).statusCode).toBe(403);
    const r = await dispatcher.post(`/api/orders/${order.order_no}/verification`, { note: '请核实楼道堆物' });
    expect(r.statusCode).toBe(201);
    const task = r.json();
    expect(task).toMatchObject({ state: 'pending', gridName: 'V1网格', requestNote: '请核实楼道堆物', overdue: false });
    expect(new Date(task.dueAt).getTime() - w.clock.now().getTime()).toBe(120 * 60_000);
    const clock = await database.db
      .selectFrom('order_deadlines')
      .select(['stage', 'status', 'due_at', 'unit_id'])
      .where('task_id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ stage: 'verify', status: 'running', unit_id: w.units.townA2.id });
    // One open task per order.
    expect((await dispatcher.post(`/api/orders/${order.id}/verification`, {})).statusCode).toBe(409);

    // The grid worker sees it (only their grid's), answers from 2 km away: flagged far.
    const mine = (await worker.get('/api/verification-tasks?state=pending')).json() as { items: { id: string }[] };
    expect(mine.items.map((t) => t.id)).toEqual([task.id]);
    w.clock.advance(30 * 60_000);
    const gcj = fromWgs84({ lat: 43.95, lng: 116.075 }, 'gcj02');
    const answered = await worker.post(`/api/verification-tasks/${task.id}/answer`, {
      result: 'confirmed',
      note: '属实，已拍照',
      lat: gcj.lat,
      lng: gcj.lng,
      coordSystem: 'gcj02',
    });
    expect(answered.statusCode).toBe(200);
    const a = answered.json();
    expect(a).toMatchObject({ state: 'answered', result: 'confirmed', far: true, overdue: false });
    expect(a.distanceMetres).toBeGreaterThan(1900);
    expect(a.distanceMetres).toBeLessThan(2100);
    expect(Math.abs(a.answerPoint.lng - 116.075)).toBeLessThan(1e-5);
    const ended = await database.db
      .selectFrom('order_deadlines')
      .select('status')
      .where('task_id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(ended.status).toBe('met');
    expect(
      (await worker.post(`/api/verification-tasks/${task.id}/answer`, { result: 'confirmed', lat: 43.95, lng: 116.05 }))
        .statusCode,
    ).toBe(409);

    const events = await database.db
      .selectFrom('order_events')
      .select(['action', 'payload', 'note'])
      .where('order_id', '=', order.id)
      .where('action', 'in', ['verify_request', 'verify_answer'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['verify_request', 'verify_answer']);
    expect(events[1]!.payload).toMatchObject({ result: 'confirmed', far: true, late: false });
    const onOrder = (await dispatcher.get(`/api/orders/${order.id}/verification-tasks`)).json() as {
      items: { result: string }[];
    };
    expect(onOrder.items.map((t) => t.result)).toEqual(['confirmed']);
  });

  it('an answer on site is not flagged; a late one is overdue', async () => {
    const order = await newOrder(w, { lat: 43.95, lng: 116.05 });
    const task = (await dispatcher.post(`/api/orders/${order.id}/verification`, {})).json();
    w.clock.advance(121 * 60_000);
    worker = await asUser(app, w, 'gridworker');
    const r = await worker.post(`/api/verification-tasks/${task.id}/answer`, {
      result: 'resolved_on_site',
      lat: 43.9501,
      lng: 116.0501,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ far: false, overdue: true, result: 'resolved_on_site' });
  });

  it('a grid worker sees and answers only the tasks of their own grids', async () => {
    // A second grid worker, of grid V2.
    const other = await insertUser(database.db, {
      centreId: w.centreId,
      unitId: w.units.townA2.id,
      username: `gw2_${w.centreId.slice(0, 6)}`,
      displayName: '网格员二',
      passwordHash: (
        await database.db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', w.actors.gridworker.userId!)
          .executeTakeFirstOrThrow()
      ).password_hash,
      roles: ['gridworker'],
    });
    await insertGridPerson(database.db, {
      centreId: w.centreId,
      gridId: grid2,
      userId: other.id,
      role: 'worker',
      name: '网格员二',
      at: w.clock.now(),
    });
    dispatcher = await asUser(app, w, 'dispatcher');
    const order = await newOrder(w, { lat: 43.95, lng: 116.05 });
    const task = (await dispatcher.post(`/api/orders/${order.id}/verification`, {})).json();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: other.username, password: 'Test@12345' },
      headers: { origin: 'http://localhost' },
    });
    expect(login.statusCode).toBe(200);
    const token = (login.json() as { token?: string }).token;
    const cookie = login.headers['set-cookie'];
    const headers: Record<string, string> = token
      ? { authorization: `Bearer ${token}` }
      : { cookie: String(Array.isArray(cookie) ? cookie[0] : cookie).split(';')[0]! };
    const list = await app.inject({ method: 'GET', url: '/api/verification-tasks', headers });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: unknown[] }).items).toEqual([]);
    const answer = await app.inject({
      method: 'POST',
      url: `/api/verification-tasks/${task.id}/answer`,
      headers: { ...headers, origin: 'http://localhost' },
      payload: { result: 'not_confirmed', lat: 43.95, lng: 116.05 },
    });
    expect(answer.statusCode).toBe(404);
    // Nor does a grid worker read orders or the centre's list of every task.
    expect((await worker.get(`/api/orders/${order.id}`)).statusCode).toBe(403);
    expect((await handler.get('/api/verification-tasks')).statusCode).toBe(403);
  });

  it('refuses an order without a grid, and bad answers naming the field', async () => {
    const noPoint = await newOrder(w);
    const r = await dispatcher.post(`/api/orders/${noPoint.id}/verification`, {});
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('order');
    const bad = await worker.post(`/api/verification-tasks/${crypto.randomUUID()}/answer`, {
      result: 'maybe',
      lat: 43,
      lng: 116,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('result');
  });
});
