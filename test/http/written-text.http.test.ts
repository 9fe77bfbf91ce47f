import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { Order } from '../../src/db/schema.js';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { asUser, buildTestApp, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { createTestDatabase } from '../helpers/test-db.js';

let database: Database;
let w: World;
let app: FastifyInstance;
let order: Order;
let supervisor: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildWorld(database, '2025-03-03T02:00:00Z');
  app = await buildTestApp(w);
  supervisor = await asUser(app, w, 'supervisor');
  order = await newOrder(w);
  order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A 400 that names the field and says it is blank. */
function expectBlankRefused(
  res: { statusCode: number; json(): { error: { code: string; field?: string; message: string } } },
  field: string,
) {
  expect(res.statusCode).toBe(400);
  expect(res.json().error.field).toBe(`body.${field}`);
  expect(res.json().error.message).toContain('空');
}

describe('every written text in the API refuses blanks', () => {
  it('POST /api/orders/:id/urge with a note of only spaces answers 400 and writes nothing', async () => {
    const res = await supervisor.post(`/api/orders/${order.id}/urge`, { note: '   ' });
    expectBlankRefused(res, 'note');
    expect(res.json().error.code).toBe('VALIDATION');
    const events = await w.deps.db.selectFrom('order_events').select('action').where('order_id', '=', order.id).execute();
    expect(events.map((e) => e.action)).not.toContain('urge');
    expect((await supervisor.post(`/api/orders/${order.id}/urge`, { note: '请尽快签收' })).statusCode).toBe(200);
  });

  it('a 督办单 reason and a 领导盯办 reason of spaces answer 400', async () => {
    expectBlankRefused(await supervisor.post(`/api/orders/${order.id}/supervisions`, { reason: ' \t ' }), 'reason');
    const leader = await asUser(app, w, 'leader');
    expectBlankRefused(await leader.post(`/api/orders/${order.id}/leader-followup`, { reason: '  ' }), 'reason');
  });

  it('a new order with a blank title or content answers 400 naming the field', async () => {
    const operator = await asUser(app, w, 'operator');
    const base = {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '小区供暖不热',
      content: '家里暖气温度只有十五度。',
      categoryId: w.categoryId,
      regionId: w.regionId,
    };
    expectBlankRefused(await operator.post('/api/orders', { ...base, title: '   ' }), 'title');
    expectBlankRefused(await operator.post('/api/orders', { ...base, content: '　 ' }), 'content');
  });

  it('a unit or category name of spaces answers 400', async () => {
    const admin = await asUser(app, w, 'admin');
    const res = await admin.post('/api/units', { parentId: w.units.countyA.id, code: 'X1', name: '  ', kind: 'county_dept' });
    expectBlankRefused(res, 'name');
  });
});
