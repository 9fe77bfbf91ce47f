import { describe, expect, it, beforeAll } from 'vitest';
import { createApiClient } from '../../src/apiclients/api-client.service.js';
import { findCentre } from '../../src/org/unit.repository.js';
import { insertCategoryAttribute } from '../../src/open311/open311.repository.js';
import { insertCategory } from '../../src/org/catalog.repository.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { parseOpen311Xml, validOpen311 } from '../helpers/open311.js';

const { w, app, database } = useApp({ start: '2025-03-03T02:00:00Z' });

let jurisdiction = '';
let key = '';
let readOnlyKey = '';
let otherKey = '';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
};
const get = (url: string) => app.inject({ method: 'GET', url });
const postForm = (url: string, fields: Record<string, string | string[]>) =>
  app.inject({ method: 'POST', url, headers: FORM, payload: form(fields) });

type Req = { service_request_id: string; status: string; description: string | null; service_code: string; lat: number | null };

beforeAll(async () => {
  jurisdiction = (await findCentre(w.deps.db, w.centreId))!.code;
  await w.deps.db
    .updateTable('categories')
    .set({ aliases: ['物业', '物业公司'] })
    .where('id', '=', w.categoryId)
    .execute();
  await insertCategoryAttribute(w.deps.db, {
    categoryId: w.categoryId,
    code: 'floor',
    datatype: 'singlevaluelist',
    required: true,
    description: '所在位置',
    order: 1,
    values: [
      { key: 'inside', name: '楼内' },
      { key: 'outside', name: '室外' },
    ],
  });
  await insertCategoryAttribute(w.deps.db, {
    categoryId: w.categoryId,
    code: 'kinds',
    datatype: 'multivaluelist',
    required: false,
    description: '问题类型',
    order: 2,
    values: [
      { key: 'noise', name: '噪音' },
      { key: 'dirt', name: '卫生' },
    ],
  });
  const make = async (name: string, scopes: ('submit' | 'read')[]) =>
    (await createApiClient(w.deps, null, w.centreId, { name, scopes }, { issueKey: true })).issued!.key;
  key = await make('蒙速办', ['submit', 'read']);
  readOnlyKey = await make('只读系统', ['read']);
  otherKey = await make('网格平台', ['submit', 'read']);
});

describe('Open311 discovery and services', () => {
  it('discovery in XML and JSON, also at the base URL with a trailing slash', async () => {
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const d = parseOpen311Xml(xml.body).discovery;
    expect(d.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    expect(d.endpoints.endpoint[0].url).toMatch(/\/open311\/v2$/);
    const json = JSON.parse((await get('/open311/v2/discovery.json')).body);
    expect(json.endpoints.map((e: { type: string }) => e.type)).toEqual(['production', 'test']);
    expect((await get('/open311/v2/')).statusCode).toBe(200);
  });

  it('services: the active leaf categories with group and keywords; XML is never the console page', async () => {
    const res = await get(`/open311/v2/services.json?jurisdiction_id=${jurisdiction}`);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = validOpen311<{ service_code: string; group: string; keywords: string; metadata: boolean }[]>(
      'services.json',
      res.body,
    );
    expect(services.map((s) => s.service_code)).toEqual(['C11']);
    expect(services[0]).toMatchObject({ group: '城乡建设', keywords: '物业,物业公司', metadata: true, type: 'realtime' });
    const xml = await get(`/open311/v2//services.xml?jurisdiction_id=${jurisdiction}`);
    expect(xml.statusCode).toBe(200);
    expect(xml.body).not.toContain('<html');
    const parsed = parseOpen311Xml(xml.body);
    expect(parsed.services.service[0]).toMatchObject({ service_code: 'C11', metadata: 'true', group: '城乡建设' });
  });

  it('a service definition with list values, in both formats', async () => {
    const json = validOpen311<{ attributes: { code: string; values: unknown[] }[] }>(
      'service-definition.json',
      (await get(`/open311/v2/services/C11.json?jurisdiction_id=${jurisdiction}`)).body,
    );
    expect(json.attributes.map((a) => a.code)).toEqual(['floor', 'kinds']);
    const xml = parseOpen311Xml((await get(`/open311/v2/services/C11.xml?jurisdiction_id=${jurisdiction}`)).body);
    const attr = xml.service_definition.attributes.attribute;
    expect(attr[0]).toMatchObject({ code: 'floor', datatype: 'singlevaluelist', required: 'true', variable: 'true', order: '1' });
    expect(attr[0].values.value).toEqual([
      { key: 'inside', name: '楼内' },
      { key: 'outside', name: '室外' },
    ]);
  });

  it('errors in the Open311 format: 404 unknown jurisdiction, service and path; 400 bad format', async () => {
    const j = await get('/open311/v2/services.xml?jurisdiction_id=nowhere');
    expect(j.statusCode).toBe(404);
    expect(parseOpen311Xml(j.body).errors.error[0].code).toBe('404');
    const s = await get(`/open311/v2/services/C1.json?jurisdiction_id=${jurisdiction}`);
    expect(s.statusCode).toBe(404);
    expect(JSON.parse(s.body)[0].code).toBe(404);
    const p = await get('/open311/v2/nothing.xml');
    expect(p.statusCode).toBe(404);
    expect(parseOpen311Xml(p.body).errors.error).toHaveLength(1);
    const f = await get('/open311/v2/services.html');
    expect(f.statusCode).toBe(400);
    expect(parseOpen311Xml(f.body).errors.error[0].code).toBe('400');
  });
});

describe('Open311 POST requests', () => {
  const base = () => ({
    jurisdiction_id: jurisdiction,
    api_key: key,
    service_code: 'C11',
    lat: '43.9331',
    long: '116.0891',
    description: '小区门口垃圾三天没人清运。',
    'attribute[floor]': 'outside',
    'attribute[kinds][]': ['noise', 'dirt'],
  });

  it('a form-encoded request becomes an order of the client, with its extras', async () => {
    const res = await postForm('/open311/v2/requests.xml', {
      ...base(),
      first_name: '秀英',
      last_name: '王',
      phone: '13912345678',
      media_url: 'https://example.org/p/1.jpg',
    });
    expect(res.statusCode).toBe(200);
    const r = parseOpen311Xml(res.body).service_requests.request[0];
    expect(r.service_request_id).toMatch(/^\d+$/);
    const order = await w.deps.db
      .selectFrom('orders')
      .selectAll()
      .where('order_no', '=', r.service_request_id)
      .executeTakeFirstOrThrow();
    expect(order.channel).toBe('open_api');
    expect(order.api_client_id).not.toBeNull();
    expect(order.caller_name).toBe('王秀英');
    const extra = await w.deps.db
      .selectFrom('open311_requests')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(extra.attributes).toEqual({ floor: 'outside', kinds: ['noise', 'dirt'] });
    expect(extra.media_url).toBe('https://example.org/p/1.jpg');
  });

  it('a JSON request with address_string works too', async () => {
    const { lat: _lat, long: _long, ...rest } = base();
    const res = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...rest, address_string: '锡林浩特市某小区' },
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)[0].service_request_id).toMatch(/^\d+$/);
  });

  it('refuses: 403 bad or read-only key, 404 unknown service, 400 location, HTML, length, attributes', async () => {
    const cases: [Record<string, string | string[]>, number][] = [
      [{ ...base(), api_key: 'lx_00000000_xxxxxxxxxxxxxxxxxxxxxxxxxxx' }, 403],
      [{ ...base(), api_key: '' }, 403],
      [{ ...base(), api_key: readOnlyKey }, 403],
      [{ ...base(), service_code: 'C99' }, 404],
      [{ ...base(), jurisdiction_id: 'nowhere' }, 404],
      [{ ...base(), service_code: '' }, 400],
      [{ ...base(), lat: '', long: '' }, 400],
      [{ ...base(), description: '<b>垃圾</b>' }, 400],
      [{ ...base(), description: '字'.repeat(4001) }, 400],
      [{ ...base(), 'attribute[floor]': '' }, 400],
      [{ ...base(), 'attribute[floor]': 'roof' }, 400],
      [{ ...base(), lat: '91' }, 400],
    ];
    for (const [fields, status] of cases) {
      const res = await postForm('/open311/v2/requests.json', fields);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 200)).toBe(status);
      const body = JSON.parse(res.body) as { code: number; description: string }[];
      expect(body[0]!.code).toBe(status);
    }
    const audited = await w.deps.db
      .selectFrom('pii_access_log')
      .select(['detail'])
      .where('purpose', '=', 'api.key.refused')
      .execute();
    expect(audited.map((a) => (a.detail as { reason: string }).reason)).toEqual(
      expect.arrayContaining(['unknown_key', 'missing', 'scope']),
    );
  });
});

describe('Open311 GET requests', () => {
  it('lists public requests, validated; confidential ones never; no caller identity', async () => {
    await newOrder(w, { callerConfidential: true, content: '保密诉求的内容' });
    await newOrder(w, { content: '我是张三，电话13812341234，楼道灯坏了' });
    const res = await get(`/open311/v2/requests.json?jurisdiction_id=${jurisdiction}`);
    const list = validOpen311<Req[]>('requests.json', res.body);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(res.body).not.toContain('保密诉求');
    expect(res.body).not.toContain('张三');
    expect(res.body).not.toContain('13812341234');
    const xml = parseOpen311Xml((await get(`/open311/v2/requests.xml?jurisdiction_id=${jurisdiction}`)).body);
    expect(xml.service_requests.request.length).toBe(list.length);
    expect(Object.keys(xml.service_requests.request[0])).toEqual(
      expect.arrayContaining([
        'service_request_id',
        'status',
        'status_notes',
        'requested_datetime',
        'agency_responsible',
        'lat',
        'long',
      ]),
    );
  });

  it('ids override the other filters; service_code, status and dates filter; windows over 90 days are 400', async () => {
    const all = validOpen311<Req[]>('requests.json', (await get('/open311/v2/requests.json')).body);
    const id = all[0]!.service_request_id;
    const byId = validOpen311<Req[]>(
      'requests.json',
      (await get(`/open311/v2/requests.json?service_request_id=${id}&status=closed&service_code=C11`)).body,
    );
    expect(byId.map((r) => r.service_request_id)).toEqual([id]);
    const closed = validOpen311<Req[]>('requests.json', (await get('/open311/v2/requests.json?status=closed')).body);
    expect(closed).toEqual([]);
    const open = validOpen311<Req[]>(
      'requests.json',
      (await get('/open311/v2/requests.json?status=open,closed&service_code=C11')).body,
    );
    expect(open.every((r) => r.status === 'open' && r.service_code === 'C11')).toBe(true);
    const future = await get('/open311/v2/requests.json?start_date=2025-03-04T00:00:00Z');
    expect(JSON.parse(future.body)).toEqual([]);
    expect(
      (await get('/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2025-03-01T00:00:00Z')).statusCode,
    ).toBe(400);
    expect((await get('/open311/v2/requests.json?start_date=yesterday')).statusCode).toBe(400);
    expect((await get('/open311/v2/requests.json?status=pending')).statusCode).toBe(400);
  });

  it('one request by id; an unknown or confidential one is 404', async () => {
    const all = validOpen311<Req[]>('requests.json', (await get('/open311/v2/requests.json')).body);
    const one = await get(`/open311/v2/requests/${all[0]!.service_request_id}.json`);
    expect(validOpen311<Req[]>('requests.json', one.body)).toHaveLength(1);
    expect((await get('/open311/v2/requests/999999.xml')).statusCode).toBe(404);
    const secret = await w.deps.db
      .selectFrom('orders')
      .select('order_no')
      .where('caller_confidential', '=', true)
      .executeTakeFirstOrThrow();
    expect((await get(`/open311/v2/requests/${secret.order_no}.json`)).statusCode).toBe(404);
  });
});

describe('mySociety servicerequestupdates', () => {
  it('the client reads the public steps of its own requests, and adds a comment to them only', async () => {
    const posted = await postForm('/open311/v2/requests.json', {
      api_key: key,
      service_code: 'C11',
      address_string: '某街道',
      description: '路灯不亮',
      'attribute[floor]': 'inside',
      'attribute[fixmystreet_id]': 'fms-42',
    });
    const id = JSON.parse(posted.body)[0].service_request_id as string;
    let order = await w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', id).executeTakeFirstOrThrow();
    order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const res = await get(
      `/open311/v2/servicerequestupdates.xml?api_key=${key}&start_date=2025-03-01T00:00:00Z&end_date=2025-03-04T00:00:00Z`,
    );
    expect(res.statusCode).toBe(200);
    const updates = parseOpen311Xml(res.body).service_request_updates.request_update as Record<string, string>[];
    const mine = updates.filter((u) => u.service_request_id === id);
    expect(mine.map((u) => u.status)).toEqual(['OPEN', 'IN_PROGRESS']);
    expect(mine[1]).toMatchObject({ description: '已转交 A旗住建局 办理', fixmystreet_id: 'fms-42' });
    const other = await get(`/open311/v2/servicerequestupdates.json?api_key=${otherKey}`);
    expect(JSON.parse(other.body)).toEqual([]);
    expect((await get('/open311/v2/servicerequestupdates.json')).statusCode).toBe(403);

    const add = await postForm('/open311/v2/servicerequestupdates.xml', {
      api_key: key,
      service_request_id: id,
      update_id: 'u-1',
      updated_datetime: '2025-03-03T02:00:00Z',
      status: 'OPEN',
      description: '市民补充：灯杆编号 17',
      first_name: '-',
      last_name: '-',
    });
    expect(add.statusCode).toBe(200);
    expect(parseOpen311Xml(add.body).service_request_updates.request_update[0].update_id).toMatch(/^\d+$/);
    const event = await w.deps.db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', order.id)
      .where('action', '=', 'external_comment')
      .executeTakeFirstOrThrow();
    expect(event.note).toBe('市民补充：灯杆编号 17');
    const foreign = await postForm('/open311/v2/servicerequestupdates.json', {
      api_key: otherKey,
      service_request_id: id,
      description: '别人的',
    });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('orders of every client', () => {
  it('the client of an order is recorded on its row', async () => {
    const counted = await database.db
      .selectFrom('orders')
      .innerJoin('api_clients', 'api_clients.id', 'orders.api_client_id')
      .select(['api_clients.name'])
      .execute();
    expect(new Set(counted.map((c) => c.name))).toEqual(new Set(['蒙速办']));
    void insertCategory;
  });
});
