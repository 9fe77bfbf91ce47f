import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { createTestDatabase } from '../helpers/test-db.js';

let database: Database;
let w: World;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildWorld(database);
  app = await buildTestApp(w);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('personal-data audit', () => {
  it('shows the auditor who viewed a caller unmasked; nobody else may look', async () => {
    const o = await newOrder(w);
    const operator = await asUser(app, w, 'operator');
    expect((await operator.get(`/api/orders/${o.id}`)).json().order.caller.masked).toBe(false);
    const auditor = await asUser(app, w, 'auditor');
    const log = await auditor.get(`/api/audit/pii-access?order=${o.order_no}`);
    expect(log.statusCode).toBe(200);
    expect(log.json().entries).toEqual([expect.objectContaining({ username: w.usernames.operator, purpose: 'order.detail' })]);
    expect((await operator.get(`/api/audit/pii-access?order=${o.order_no}`)).statusCode).toBe(403);
    expect((await auditor.get('/api/audit/pii-access?order=0000000000')).statusCode).toBe(404);
  });
});
