import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE_LOOKUP_RULE } from '../../src/orders/order-query.service.js';
import { asUser, type Client } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 15: a masked phone (139****4321) must not be recoverable by testing numbers against it. Every
// path that tests a phone — the list filter, the CSV export's filter, the intake's duplicate check —
// is for roles with pii.read only, logged as a personal-data access, and rate-limited per person.
const { w, app } = useApp();
const PHONE = '13987654321';

const accessRows = (purpose: string) =>
  w.deps.db.selectFrom('pii_access_log').select(['user_id', 'order_id', 'fields']).where('purpose', '=', purpose).execute();

let confidentialNo: string;

beforeAll(async () => {
  await newOrder(w, { callerPhone: PHONE, callerName: '赵六' });
  const confidential = await newOrder(w, { callerPhone: '13911112222', callerName: '钱七', callerConfidential: true });
  confidentialNo = confidential.order_no;
});

describe('roles without pii.read cannot test a phone', () => {
  it.each(['analyst', 'unit_handler', 'leader'] as const)(
    '%s: 403 on the list, the export and the duplicate check',
    async (who) => {
      const c = await asUser(app, w, who);
      expect((await c.get(`/api/orders?callerPhone=${PHONE}`)).statusCode).toBe(403);
      expect((await c.get(`/api/orders/export.csv?callerPhone=${PHONE}`)).statusCode).toBe(403);
      expect((await c.post('/api/duplicates/check', { title: '', content: '', callerPhone: PHONE })).statusCode).toBe(403);
    },
  );
});

describe('roles with pii.read: every use logged', () => {
  let dispatcher: Client;
  beforeAll(async () => {
    dispatcher = await asUser(app, w, 'dispatcher');
  });

  it('the list filter logs the orders found, and a miss is logged too', async () => {
    const before = (await accessRows('order.list.callerPhone')).length;
    const hit = await dispatcher.get(`/api/orders?callerPhone=${PHONE}`);
    expect(hit.statusCode).toBe(200);
    expect(hit.json().items).toHaveLength(1);
    const miss = await dispatcher.get('/api/orders?callerPhone=13900000000');
    expect(miss.json().items).toHaveLength(0);
    const rows = await accessRows('order.list.callerPhone');
    expect(rows.length - before).toBe(2);
    expect(rows.slice(-2).every((r) => r.user_id === w.actors.dispatcher.userId)).toBe(true);
    expect(rows.at(-1)!.order_id).toBeNull();
  });

  it('the export filter and the duplicate check are logged as phone look-ups', async () => {
    const csv = await dispatcher.get(`/api/orders/export.csv?callerPhone=${PHONE}`);
    expect(csv.statusCode).toBe(200);
    expect(await accessRows('order.export.callerPhone')).toHaveLength(1);
    const dup = await dispatcher.post('/api/duplicates/check', { title: '', content: '', callerPhone: PHONE });
    expect(dup.statusCode).toBe(200);
    const rows = await accessRows('duplicates.check.callerPhone');
    expect(rows).toHaveLength(Math.max(1, dup.json().candidates.length));
    expect(rows[0].user_id).toBe(w.actors.dispatcher.userId);
  });
});

describe('rate limit', () => {
  it(`after ${PHONE_LOOKUP_RULE.capacity} look-ups a person gets 429 (others are not affected)`, async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    for (let i = 0; i < PHONE_LOOKUP_RULE.capacity; i++) {
      const res = await supervisor.get(`/api/orders?callerPhone=1390000${String(i).padStart(4, '0')}`);
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = await supervisor.get('/api/orders?callerPhone=13987654321');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'] ?? refused.json().error.retryAfterSeconds)).toBeGreaterThan(0);
    expect((await supervisor.get('/api/orders/export.csv?callerPhone=13987654321')).statusCode).toBe(429);
    // The list without a phone is no look-up and still works; another person has their own budget.
    expect((await supervisor.get('/api/orders?callerPhone=13900000001')).statusCode).toBe(200); // a number already tried
    expect((await supervisor.get('/api/orders')).statusCode).toBe(200);
    const operator = await asUser(app, w, 'operator');
    expect((await operator.get(`/api/orders?callerPhone=${PHONE}`)).statusCode).toBe(200);
  });
});

describe('the same number again', () => {
  it('is not counted again within the hour (the intake desk re-checks the caller as the appeal is typed), but is logged', async () => {
    const operator = await asUser(app, w, 'operator');
    const before = (await accessRows('duplicates.check.callerPhone')).length;
    for (let i = 0; i < PHONE_LOOKUP_RULE.capacity + 10; i++) {
      const res = await operator.post('/api/duplicates/check', {
        title: `楼道灯坏了${i}`,
        content: '',
        callerPhone: '13955556666',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await accessRows('duplicates.check.callerPhone')).length - before).toBe(PHONE_LOOKUP_RULE.capacity + 10);
  });
});

describe('the CSV export', () => {
  it('keeps a confidential caller masked even for the supervisor, and names who exported it and when', async () => {
    const operator = await asUser(app, w, 'operator');
    const res = await operator.get('/api/orders/export.csv');
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\r\n');
    const confidential = lines.find((l) => l.startsWith(confidentialNo))!;
    expect(confidential).toContain('139****2222');
    expect(confidential).not.toContain('13911112222');
    expect(confidential).not.toContain('钱七');
    const open = lines.find((l) => l.includes(PHONE));
    expect(open).toBeDefined();
    const last = lines.at(-1)!;
    expect(last).toContain(w.usernames.operator);
    expect(last).toContain('导出人');
    expect(last).toContain('2025-03-03 10:00');
  });
});
