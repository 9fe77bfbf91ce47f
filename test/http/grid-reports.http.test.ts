import { beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { insertUser } from '../../src/users/user.repository.js';
import { fromWgs84 } from '../../src/shared/coordinates.js';
import { asUser, type Client } from '../helpers/http.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { IN_V1, IN_V2, OUTSIDE, importTwoGrids, joinGrid, jpeg, mp4, multipart, png } from '../helpers/grid-world.js';
import { useApp } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';

// 网格上报 (issue 18, ADR 0186 amendment): a grid worker or reporter reports an issue from their grid;
// it becomes an order through intake (channel grid, the reporter recorded), which they neither read
// nor handle. Outside their grids: refused. The urgent variant: priority 1, the grid, town and centre told.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let worker: Client;
let reporter: Client;
let dispatcher: Client;
let grids: { v1: string; v2: string };

const db = () => database.db;
const orderOf = (orderNo: string) =>
  db().selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();

beforeAll(async () => {
  grids = await importTwoGrids(database, w, await asUser(app, w, 'admin'));
  await joinGrid(database, w, grids.v1, 'gridworker', 'worker');
  // The 联户长 of V1, and a plain registered reporter (a rider) of V2.
  await joinGrid(database, w, grids.v1, 'grid_reporter', 'household_head');
  await joinGrid(database, w, grids.v2, 'grid_reporter', 'reporter');
  worker = await asUser(app, w, 'gridworker');
  reporter = await asUser(app, w, 'grid_reporter');
  dispatcher = await asUser(app, w, 'dispatcher');
});

describe('grid reports', () => {
  it('a grid worker reports in their grid with a photo and a video: an order of channel grid, recorded as theirs', async () => {
    const res = await worker.request({
      method: 'POST',
      url: '/api/grid-reports',
      ...multipart({ text: '团结小区3号楼前井盖缺失\n夜间有行人跌落风险', lat: String(IN_V1.lat), lng: String(IN_V1.lng) }, [
        { name: 'files', fileName: 'IMG_001.jpg', type: 'image/jpeg', data: jpeg() },
        { name: 'files', fileName: 'clip.mp4', type: 'video/mp4', data: mp4() },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({ gridName: 'V1网格', urgent: false, files: 2 });
    const order = await orderOf(receipt.orderNo);
    expect(order).toMatchObject({
      channel: 'grid',
      priority: 3,
      title: '团结小区3号楼前井盖缺失',
      state: 'accepted',
      grid_id: grids.v1,
      created_by: w.actors.gridworker.userId,
    });
    expect(order.content).toContain('夜间有行人跌落风险');
    const files = await db()
      .selectFrom('attachments')
      .select(['content_type', 'uploaded_by'])
      .where('order_id', '=', order.id)
      .execute();
    expect(files.map((f) => f.content_type).sort()).toEqual(['image/jpeg', 'video/mp4']);
    expect(files.every((f) => f.uploaded_by === w.actors.gridworker.userId)).toBe(true);
    const accept = await db()
      .selectFrom('order_events')
      .select(['actor_user_id', 'actor_label', 'payload'])
      .where('order_id', '=', order.id)
      .where('action', '=', 'accept')
      .executeTakeFirstOrThrow();
    expect(accept.actor_user_id).toBe(w.actors.gridworker.userId);
    expect(accept.actor_label).toContain('网格上报');
    expect(accept.payload).toMatchObject({ channel: 'grid' });
    const row = await db().selectFrom('grid_reports').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ grid_id: grids.v1, reporter_id: w.actors.gridworker.userId, urgent: false });

    // 我的上报: the reporter sees the order's number and state, and nothing more of it.
    const mine = (await worker.get('/api/grid-reports')).json().items;
    expect(mine[0]).toMatchObject({ orderNo: receipt.orderNo, orderState: 'accepted', gridName: 'V1网格' });
    expect((await reporter.get('/api/grid-reports')).json().items).toEqual([]);
  });

  it('takes a JSON report without files and a GCJ-02 point converted to WGS-84', async () => {
    const gcj = fromWgs84(IN_V1, 'gcj02');
    const res = await reporter.post('/api/grid-reports', {
      text: '楼道堆放杂物堵塞消防通道',
      lat: gcj.lat,
      lng: gcj.lng,
      coordSystem: 'gcj02',
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = await orderOf(res.json().orderNo);
    expect(Math.abs(order.lat! - IN_V1.lat)).toBeLessThan(1e-5);
    expect(order.created_by).toBe(w.actors.grid_reporter.userId);
    expect(order.grid_id).toBe(grids.v1);
  });

  it('refuses a point outside the reporter’s grids, naming the field and their grids', async () => {
    const elsewhere = await worker.post('/api/grid-reports', { text: '路灯不亮', ...IN_V2 });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error).toMatchObject({ code: 'VALIDATION', field: 'lat' });
    expect(elsewhere.json().error.message).toContain('V1网格');
    const nowhere = await reporter.post('/api/grid-reports', { text: '路灯不亮', ...OUTSIDE });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.message).toContain('V1网格');
    // The reporter of V2 may report there.
    expect((await reporter.post('/api/grid-reports', { text: '路灯不亮', ...IN_V2 })).statusCode).toBe(201);
    // A point is required; words too.
    const noPoint = await worker.post('/api/grid-reports', { text: '路灯不亮' });
    expect(noPoint.statusCode).toBe(400);
    expect(noPoint.json().error.field).toBe('lat');
    const blank = await worker.request({
      method: 'POST',
      url: '/api/grid-reports',
      ...multipart({ text: '  ', ...strings(IN_V1) }),
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('text');
  });

  it('refuses a grid reporter who belongs to no grid, and every role without grid.report', async () => {
    const hash = await db()
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', w.actors.grid_reporter.userId!)
      .executeTakeFirstOrThrow();
    const loner = await insertUser(db(), {
      centreId: w.centreId,
      unitId: w.units.townA2.id,
      username: `rider_${w.centreId.slice(0, 6)}`,
      displayName: '骑手',
      passwordHash: hash.password_hash,
      roles: ['grid_reporter'],
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: loner.username, password: TEST_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'lianxin_session')!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/grid-reports',
      headers: { cookie: `lianxin_session=${cookie.value}` },
      payload: { text: '路灯不亮', ...IN_V1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('尚未登记到任何网格');
    expect((await dispatcher.post('/api/grid-reports', { text: '路灯不亮', ...IN_V1 })).statusCode).toBe(403);
  });

  it('the reporter neither reads nor handles the order, nor creates orders by intake', async () => {
    const receipt = (await reporter.post('/api/grid-reports', { text: '小区门口积水', ...IN_V1 })).json();
    const order = await orderOf(receipt.orderNo);
    expect((await reporter.get(`/api/orders/${order.id}`)).statusCode).toBe(403);
    // Even sent to their own street office (the unit their accounts belong to), neither signs for it.
    const sent = await dispatcher.post(`/api/orders/${order.id}/actions/dispatch`, {
      version: order.version,
      leadUnitId: w.units.townA2.id,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const version = sent.json().version;
    for (const who of [reporter, worker]) {
      const sign = await who.post(`/api/orders/${order.id}/actions/sign`, { version });
      expect([403, 404]).toContain(sign.statusCode);
    }
    expect((await orderOf(receipt.orderNo)).state).toBe('dispatched');
    const create = await reporter.post('/api/orders', {
      channel: 'grid',
      appealType: 'help',
      priority: 3,
      title: '绕过上报',
      content: '直接受理',
    });
    expect(create.statusCode).toBe(403);
    // The centre handles it as any order.
    expect((await dispatcher.get(`/api/orders/${order.id}`)).statusCode).toBe(200);
  });

  it('the 联户长’s urgent report is priority 1 and tells the grid’s workers, the town’s unit and the dispatchers', async () => {
    const res = await reporter.request({
      method: 'POST',
      url: '/api/grid-reports',
      ...multipart({ text: '草场东侧冒烟，疑似起火', urgent: 'true', ...strings(IN_V1) }, [
        { name: 'files', fileName: 'smoke.png', type: 'image/png', data: png() },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = await orderOf(res.json().orderNo);
    expect(order).toMatchObject({ priority: 1, channel: 'grid' });
    expect(order.title).toBe('【紧急】草场东侧冒烟，疑似起火');
    const queued = await db().selectFrom('outbox').select('payload').where('topic', '=', 'notify').execute();
    const urgent = queued.map((q) => q.payload as { kind: string; orderId: string; audience: Record<string, unknown> });
    const mine = urgent.find((n) => n.kind === 'grid.urgent' && n.orderId === order.id)!;
    expect(mine.audience).toMatchObject({
      userIds: [w.actors.gridworker.userId],
      unitId: w.units.townA2.id,
      centreRoles: ['dispatcher'],
    });
    await drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers, batchSize: 50 });
    for (const who of [dispatcher, worker]) {
      const bell = (await who.get('/api/notices?kind=grid.urgent')).json().items as { orderId: string; text: { zh: string } }[];
      expect(bell.map((n) => n.orderId)).toContain(order.id);
      expect(bell.find((n) => n.orderId === order.id)!.text.zh).toContain('紧急上报');
    }
    // Not a plain registered reporter (a rider of V2): the urgent button is the grid people's.
    const rider = await reporter.post('/api/grid-reports', { text: '路边冒烟', urgent: true, ...IN_V2 });
    expect(rider.statusCode).toBe(403);
    expect(rider.json().error.message).toContain('紧急上报');
  });

  it('refuses a file that is neither a photo nor a video, naming the field, and stores nothing', async () => {
    const before = await db().selectFrom('orders').select(db().fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await worker.request({
      method: 'POST',
      url: '/api/grid-reports',
      ...multipart({ text: '有人乱扔垃圾', ...strings(IN_V1) }, [
        { name: 'files', fileName: 'report.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 something') },
      ]),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.field).toBe('files');
    const after = await db().selectFrom('orders').select(db().fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

function strings(p: { lat: number; lng: number }) {
  return { lat: String(p.lat), lng: String(p.lng) };
}
