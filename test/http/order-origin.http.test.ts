import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/apiclients/api-client.service.js';
import { importOrders } from '../../src/imports/order-import.service.js';
import { insertCategoryAttribute } from '../../src/open311/open311.repository.js';
import { asUser } from '../helpers/http.js';
import { generateRows, GENERATED_MAPPING, rowsToCsv } from '../helpers/import-rows.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 17: the order view says where an order came from — the outside system (API client) with the
// Open311 answers and photo link it sent, or the 已导入 mark with the import run — to every reader of
// the order, while the caller stays masked as before and what is not vetted is never shown.
const { w, app } = useApp({ start: '2025-06-16T02:00:00Z' });

let openApiNo = '';
let importedNo = '';
let plainNo = '';
let runId = '';

beforeAll(async () => {
  await insertCategoryAttribute(w.deps.db, {
    categoryId: w.categoryId,
    code: 'floor',
    datatype: 'singlevaluelist',
    required: false,
    description: '所在位置',
    order: 1,
    values: [
      { key: 'inside', name: '楼内' },
      { key: 'outside', name: '室外' },
    ],
  });
  const { issued } = await createApiClient(w.deps, null, w.centreId, { name: '蒙速办', scopes: ['submit'] }, { issueKey: true });
  const posted = await app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      api_key: issued!.key,
      service_code: 'C11',
      address_string: '某小区',
      description: '楼道灯坏了',
      first_name: '秀英',
      last_name: '王',
      phone: '13912345678',
      account_id: 'acct-secret-77',
      device_id: 'device-secret-88',
      media_url: 'https://example.org/p/1.jpg',
      'attribute[floor]': 'inside',
      'attribute[fixmystreet_id]': 'fms-42',
      'attribute[email]': 'reporter@example.org',
    }).toString(),
  });
  expect(posted.statusCode).toBe(200);
  openApiNo = JSON.parse(posted.body)[0].service_request_id;

  const rows = generateRows(3, { prefix: 'ORIG', units: ['A旗住建局'] });
  const report = await importOrders(w.deps, w.actors.admin, {
    fileName: '旧系统导出.csv',
    bytes: Buffer.from(rowsToCsv(rows, 'A旗')),
    mapping: GENERATED_MAPPING,
    dryRun: false,
  });
  expect(report.imported).toBe(3);
  runId = report.runId!;
  importedNo = rows[0]!.no;
  plainNo = (await newOrder(w)).order_no;
});

type Detail = {
  order: { caller: { name: string | null; phone: string | null; masked: boolean } };
  origin: {
    apiClient: { id: string; name: string } | null;
    open311: {
      attributes: { code: string; label: string; values: string[] }[];
      mediaUrl: string | null;
      externalId: string | null;
    } | null;
    importRun: { id: string; fileName: string; startedAt: string } | null;
  };
};

describe('GET /api/orders/:id — origin', () => {
  it('an open-API order names its client and the Open311 answers and photo link it sent, in words', async () => {
    const dispatcher = await asUser(app, w, 'dispatcher');
    const res = await dispatcher.get(`/api/orders/${openApiNo}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Detail;
    expect(body.origin).toEqual({
      apiClient: { id: expect.any(String), name: '蒙速办' },
      open311: {
        attributes: [{ code: 'floor', label: '所在位置', values: ['楼内'] }],
        mediaUrl: 'https://example.org/p/1.jpg',
        externalId: 'fms-42',
      },
      importRun: null,
    });
    // Account and device ids and attributes outside the service definition are never shown.
    for (const secret of ['acct-secret-77', 'device-secret-88', 'reporter@example.org']) expect(res.body).not.toContain(secret);
    expect(body.order.caller).toMatchObject({ name: '王秀英', phone: '13912345678', masked: false });
  });

  it('a reader without pii.read sees the origin while the caller stays masked', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const body = (await analyst.get(`/api/orders/${openApiNo}`)).json() as Detail;
    expect(body.origin.apiClient?.name).toBe('蒙速办');
    expect(body.order.caller.masked).toBe(true);
    expect(body.order.caller.phone).not.toBe('13912345678');
    expect(JSON.stringify(body)).not.toContain('王秀英');
  });

  it('an imported order carries the 已导入 mark with its run; an order taken in by lianxin carries none', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    const imported = (await supervisor.get(`/api/orders/${importedNo}`)).json() as Detail;
    expect(imported.origin).toEqual({
      apiClient: null,
      open311: null,
      importRun: { id: runId, fileName: '旧系统导出.csv', startedAt: '2025-06-16T02:00:00.000Z' },
    });
    const plain = (await supervisor.get(`/api/orders/${plainNo}`)).json() as Detail;
    expect(plain.origin).toEqual({ apiClient: null, open311: null, importRun: null });
  });
});
