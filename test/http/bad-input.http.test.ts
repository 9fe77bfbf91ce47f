import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { addUserWords, isUserWord, segmentDictionaryOnly } from '../../src/text/segment.js';
import { asUser, type Client } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 15: every bad input is a 400 naming the field — never a 500, never a partial write.
const { w, app } = useApp({ env: { LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000' } });
let operator: Client;
let admin: Client;
let order: Order;

const count = async (table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(w.deps.db)).rows[0].n);

const newOrderBody = (over: Record<string, unknown> = {}) => ({
  channel: 'phone',
  appealType: 'complaint',
  priority: 3,
  title: '小区供暖不热',
  content: '家里暖气温度只有十五度。',
  callerName: '张三',
  callerPhone: '13812341234',
  categoryId: w.categoryId,
  regionId: w.regionId,
  ...over,
});

function expect400(res: { statusCode: number; body: string; json(): { error: { field?: string } } }, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.field).toBe(field);
}

beforeAll(async () => {
  operator = await asUser(app, w, 'operator');
  admin = await asUser(app, w, 'admin');
  order = await newOrder(w);
});

describe('NUL bytes', () => {
  it('in the login username: 400 before any database lookup', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'op\u0000', password: 'x' } });
    expect400(res, 'body.username');
  });

  it('in a query value, a path parameter and a JSON body: 400 naming the field, nothing written', async () => {
    expect400(await operator.get('/api/orders?q=%00'), 'querystring.q');
    expect400(await operator.get('/api/notes/people?q=a%00b'), 'querystring.q');
    expect400(await operator.get('/api/orders/%00'), 'params.id');
    const before = await count('orders');
    expect400(await operator.post('/api/orders', newOrderBody({ content: '暖气\u0000不热' })), 'body.content');
    expect(await count('orders')).toBe(before);
  });

  it('in the portal appeal, JSON or multipart: 400', async () => {
    const before = await count('orders');
    const json = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      payload: { appealType: 'complaint', title: '路灯', content: '坏了\u0000', callerName: '王', callerPhone: '13912345678' },
    });
    expect400(json, 'body.content');
    const b = 'nulboundary';
    const form =
      ['appealType=complaint', 'title=路灯坏了', 'content=坏\u0000了', 'callerName=王秀英', 'callerPhone=13912345678']
        .map((kv) => `--${b}\r\nContent-Disposition: form-data; name="${kv.split('=')[0]}"\r\n\r\n${kv.split('=')[1]}\r\n`)
        .join('') + `--${b}--\r\n`;
    const multi = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      payload: Buffer.from(form),
    });
    expect400(multi, 'content');
    expect(await count('orders')).toBe(before);
  });

  it('export.csv?q=%00 is a whole 400, not a 200 cut short', async () => {
    const res = await operator.get('/api/orders/export.csv?q=%00');
    expect400(res, 'querystring.q');
  });
});

describe('numbers', () => {
  it('"Infinity" and 1e309 are no integers (priority, limit)', async () => {
    expect400(await operator.get('/api/orders?limit=Infinity'), 'querystring.limit');
    expect400(await operator.get('/api/orders?limit=1e309'), 'querystring.limit');
    const before = await count('orders');
    for (const raw of ['"Infinity"', '1e309', '"1e309"', '-1e309']) {
      const payload = JSON.stringify(newOrderBody({ priority: 0 })).replace('"priority":0', `"priority":${raw}`);
      const res = await operator.request({
        method: 'POST',
        url: '/api/orders',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect400(res, 'body.priority');
    }
    expect(await count('orders')).toBe(before);
  });

  it('ids and versions past what a column holds: 400', async () => {
    expect400(await operator.get('/api/calls/9223372036854775808/screen-pop'), 'params.id');
    expect400(await operator.get('/api/calls/18446744073709551616/screen-pop'), 'params.id');
    const res = await operator.post(`/api/orders/${order.id}/actions/answer-directly`, { version: 2147483648, answer: '已答复' });
    expect(res.statusCode, res.body).toBe(409); // a version no order has: stale, not a database fault
    expect400(
      await operator.post(`/api/orders/${order.id}/actions/answer-directly`, { version: 1e300, answer: '已答复' }),
      'body.version',
    );
  });
});

describe('multipart bodies', () => {
  const part = (b: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\nxxxx`;
  const cases: [string, string, string][] = [
    ['truncated (no closing boundary)', 'multipart/form-data; boundary=b1', part('b1')],
    ['a boundary the body does not use', 'multipart/form-data; boundary=other', `${part('b1')}\r\n--b1--\r\n`],
    ['no boundary in the header', 'multipart/form-data', `${part('b1')}\r\n--b1--\r\n`],
    ['a header line cut short', 'multipart/form-data; boundary=b1', '--b1\r\nContent-Disposition: form-da'],
  ];
  it.each(cases)('%s: 400, no attachment and no file written', async (_, contentType, body) => {
    const before = await count('attachments');
    const res = await operator.request({
      method: 'POST',
      url: `/api/orders/${order.id}/attachments`,
      headers: { 'content-type': contentType },
      payload: Buffer.from(body, 'binary'),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toBeTruthy();
    const portal = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      headers: { 'content-type': contentType },
      payload: Buffer.from(body.replace('"file"', '"photos"'), 'binary'),
    });
    expect(portal.statusCode, portal.body).toBe(400);
    expect(await count('attachments')).toBe(before);
  });
});

describe('names with spaces and the segmenter dictionary', () => {
  it('a name with a space or a tab adds its parts instead of failing the whole load', () => {
    expect(() => addUserWords(['呼伦 贝尔热力', '乌兰\t察布局', '锡林郭勒盟水务'])).not.toThrow();
    expect(isUserWord('贝尔热力')).toBe(true);
    expect(isUserWord('察布局')).toBe(true);
    expect(isUserWord('锡林郭勒盟水务')).toBe(true);
    expect(segmentDictionaryOnly('锡林郭勒盟水务来电')).toContain('锡林郭勒盟水务');
  });

  it('a unit named with a space, then intake and search still work', async () => {
    const unit = await admin.post('/api/units', {
      parentId: w.units.centre.id,
      code: 'SPACE1',
      name: '二连 浩特供水公司',
      kind: 'company',
    });
    expect(unit.statusCode, unit.body).toBe(201);
    w.clock.advance(11 * 60_000); // past the dictionary's refresh time, so the next intake reloads the names
    const created = await operator.post(
      '/api/orders',
      newOrderBody({ title: '二连浩特供水公司停水', content: '供水公司停水三天了。' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const search = await operator.get(`/api/search/orders?q=${encodeURIComponent('停水')}`);
    expect(search.statusCode, search.body).toBe(200);
    expect(isUserWord('浩特供水公司')).toBe(true);
  });
});
