import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { csvField } from '../../src/orders/order-export.csv.js';
import { exportOrdersCsv } from '../../src/orders/order-export.service.js';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();
let toA1: Order;
let toB1: Order;
let notDispatched: Order;

/** A small RFC 4180 reader, enough to check what the export wrote; without the watermark line (who/when). */
function parseCsv(body: string): string[][] {
  return parseCsvLines(body).filter((r) => !r[0]!.startsWith('内部资料'));
}

function parseCsvLines(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

const piiLogCount = async () =>
  Number(
    (
      await w.deps.db
        .selectFrom('pii_access_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('purpose', '=', 'order.export')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  w.clock.set('2025-03-03T02:00:00Z');
  toA1 = await newOrder(w, { title: '楼道灯不亮, "急"', callerName: '王小明', callerPhone: '13900001111' });
  toA1 = await act(w, w.actors.dispatcher, toA1, 'dispatch', { leadUnitId: w.units.deptA1.id });
  w.clock.advance(60_000);
  toB1 = await newOrder(w, { title: '=HYPERLINK("x")', callerName: '李四', callerPhone: '13700002222' });
  toB1 = await act(w, w.actors.dispatcher, toB1, 'dispatch', { leadUnitId: w.units.deptB1.id });
  w.clock.advance(60_000);
  notDispatched = await newOrder(w, { title: '咨询社保', callerName: undefined, callerPhone: undefined });
});

describe('GET /api/orders/export.csv', () => {
  it('streams UTF-8 with a BOM and Chinese headers, newest first, unmasked for pii.read roles and logged', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    const before = await piiLogCount();
    const res = await supervisor.get('/api/orders/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['工单编号', '受理时间', '渠道']);
    expect(parseCsvLines(res.body.slice(1)).at(-1)![0]).toMatch(
      /^内部资料，注意保密。导出人：supervisor 测试（supervisor_\w+），导出时间：2025-03-03/,
    );
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows.slice(1).map((r) => r[col('工单编号')])).toEqual([notDispatched.order_no, toB1.order_no, toA1.order_no]);
    const a1 = rows.find((r) => r[0] === toA1.order_no)!;
    expect(a1[col('标题')]).toBe('楼道灯不亮, "急"');
    expect(a1[col('来电人')]).toBe('王小明');
    expect(a1[col('联系电话')]).toBe('13900001111');
    expect(a1[col('状态')]).toBe('待签收');
    expect(a1[col('主办单位')]).toBe('A旗住建局');
    expect(a1[col('受理时间')]).toBe('2025-03-03 10:00:00');
    // A title that looks like a formula is written as text.
    expect(rows.find((r) => r[0] === toB1.order_no)![col('标题')]).toBe(`'=HYPERLINK("x")`);
    // Two orders carry a caller identity: two access-log rows, the third has none to log.
    expect((await piiLogCount()) - before).toBe(2);
  });

  it('masks caller identity for roles without pii.read and logs nothing', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const before = await piiLogCount();
    const rows = parseCsv((await analyst.get('/api/orders/export.csv')).body.slice(1));
    const a1 = rows.find((r) => r[0] === toA1.order_no)!;
    expect(a1[rows[0]!.indexOf('来电人')]).toBe('王**');
    expect(a1[rows[0]!.indexOf('联系电话')]).toBe('139****1111');
    expect(await piiLogCount()).toBe(before);
  });

  it('lets unit users export only their own subtree, masked', async () => {
    const unitAdmin = await asUser(app, w, 'unit_admin'); // county A
    const rows = parseCsv((await unitAdmin.get('/api/orders/export.csv')).body.slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual([toA1.order_no]);
    expect(rows[1]![rows[0]!.indexOf('联系电话')]).toBe('139****1111');
    const handlerB = await asUser(app, w, 'handlerB');
    const rowsB = parseCsv((await handlerB.get('/api/orders/export.csv')).body.slice(1));
    expect(rowsB.slice(1).map((r) => r[0])).toEqual([toB1.order_no]);
  });

  it('applies the list filters of GET /api/orders', async () => {
    const dispatcher = await asUser(app, w, 'dispatcher');
    const byState = parseCsv((await dispatcher.get('/api/orders/export.csv?state=accepted')).body.slice(1));
    expect(byState.slice(1).map((r) => r[0])).toEqual([notDispatched.order_no]);
    const byUnit = parseCsv((await dispatcher.get(`/api/orders/export.csv?leadUnitId=${w.units.deptB1.id}`)).body.slice(1));
    expect(byUnit.slice(1).map((r) => r[0])).toEqual([toB1.order_no]);
    // A unit stands for its subtree, as in full-text search: county A finds what its bureau A1 leads.
    const byCounty = parseCsv((await dispatcher.get(`/api/orders/export.csv?leadUnitId=${w.units.countyA.id}`)).body.slice(1));
    expect(byCounty.slice(1).map((r) => r[0])).toEqual([toA1.order_no]);
    const list = (await dispatcher.get(`/api/orders?leadUnitId=${w.units.countyA.id}`)).json();
    expect(list.items.map((o: { orderNo: string }) => o.orderNo)).toEqual([toA1.order_no]);
    const byText = parseCsv((await dispatcher.get(`/api/orders/export.csv?q=${encodeURIComponent('楼道灯')}`)).body.slice(1));
    expect(byText.slice(1).map((r) => r[0])).toEqual([toA1.order_no]);
    const byTime = parseCsv(
      (await dispatcher.get('/api/orders/export.csv?from=2025-03-03T02:00:30Z&to=2025-03-03T02:01:30Z')).body.slice(1),
    );
    expect(byTime.slice(1).map((r) => r[0])).toEqual([toB1.order_no]);
  });

  it('answers 400 naming the field on a bad filter, 401 without a session, 403 for a role without order.read', async () => {
    const dispatcher = await asUser(app, w, 'dispatcher');
    const bad = await dispatcher.get('/api/orders/export.csv?state=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('state');
    expect((await app.inject({ method: 'GET', url: '/api/orders/export.csv' })).statusCode).toBe(401);
    const admin = await asUser(app, w, 'admin');
    expect((await admin.get('/api/orders/export.csv')).statusCode).toBe(403);
  });

  it('pages through more orders than one database page without losing or repeating any', async () => {
    for (let i = 0; i < 11; i++) {
      // Several orders share the same accepted_at: the keyset (accepted_at, id) must still be exact.
      if (i % 3 === 0) w.clock.advance(1000);
      await newOrder(w, { title: `批量工单 ${i}` });
    }
    const { chunks } = await exportOrdersCsv(w.deps, w.actors.dispatcher, { state: 'accepted' }, { pageSize: 4 });
    let body = '';
    for await (const chunk of chunks) body += chunk;
    const rows = parseCsv(body.slice(1)).slice(1);
    expect(rows.length).toBe(12);
    expect(new Set(rows.map((r) => r[0])).size).toBe(12);
    // Same rows, same order as a single page.
    const whole = await exportOrdersCsv(w.deps, w.actors.dispatcher, { state: 'accepted' });
    let single = '';
    for await (const chunk of whole.chunks) single += chunk;
    expect(body).toBe(single);
  });
});

describe('csvField', () => {
  it('quotes separators and quotes, and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('+86')).toBe("'+86");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
