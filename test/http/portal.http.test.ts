import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asUser, buildTestApp } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({
  env: {
    LIANXIN_ATTACHMENT_MAX_BYTES: '2000',
    LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000',
    LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '1000',
  },
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

type Field = [string, string];
type File = { name: string; fileName: string; type: string; data: Buffer };

function multipart(fields: Field[], files: File[] = []) {
  const boundary = '----portal' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const appeal = (over: Record<string, unknown> = {}) => ({
  appealType: 'complaint',
  title: '楼道灯坏了',
  content: '三号楼二单元楼道灯坏了一个月，晚上看不见路。',
  address: '锡林浩特市某小区3号楼',
  callerName: '王秀英',
  callerPhone: '13912345678',
  ...over,
});

const formFields = (over: Record<string, string> = {}): Field[] =>
  Object.entries({ ...appeal(), confidential: 'on', ...over }) as Field[];

const photo = (i: number, data = PNG): File => ({ name: 'photos', fileName: `照片${i}.png`, type: 'image/png', data });

const post = (url: string, payload: unknown, remoteAddress = '10.0.0.1') =>
  app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });

async function submit(over: Record<string, unknown> = {}) {
  const res = await post('/api/portal/appeals', appeal(over));
  expect(res.statusCode).toBe(201);
  return res.json() as { orderNo: string; queryCode: string; photos: number };
}

const orderByNo = (orderNo: string) =>
  w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();
const countOrders = async () =>
  Number(
    (
      await w.deps.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const filesOnDisk = () => {
  const dir = path.join(w.deps.dataDir, 'attachments');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
};

describe('portal: submit an appeal', () => {
  it('tells the portal screens the centre, the appeal types and the categories, without sign-in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/portal/info' });
    expect(res.statusCode).toBe(200);
    const info = res.json();
    expect(info.centreName).toBe('测试热线中心');
    expect(info.appealTypes).toContain('complaint');
    expect(info.categories.map((c: { name: string }) => c.name)).toContain('物业管理');
    expect(info.maxPhotos).toBe(5);
  });

  it('documents every portal endpoint in the OpenAPI description', async () => {
    const res = await (await asUser(app, w, 'operator')).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/portal/info',
      '/api/portal/appeals',
      '/api/portal/lookup',
      '/api/portal/rating',
      '/api/portal/photos/{id}',
    ])
      expect(paths).toContain(p);
  });

  it('records a JSON appeal as a web order and answers its number and a 6-digit query code', async () => {
    const receipt = await submit();
    expect(receipt.orderNo).toMatch(/^\d{10}$/);
    expect(receipt.queryCode).toMatch(/^\d{6}$/);
    const order = await orderByNo(receipt.orderNo);
    expect(order).toMatchObject({
      channel: 'web',
      state: 'accepted',
      caller_name: '王秀英',
      caller_phone: '13912345678',
      query_code: receipt.queryCode,
      centre_id: w.centreId,
      caller_confidential: false,
    });
    const event = await w.deps.db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'accept', actor_user_id: null, actor_label: '市民（网上）' });
  });

  it('stores up to five photos with the appeal in one go (multipart), type sniffed from the bytes', async () => {
    const before = filesOnDisk();
    const res = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      remoteAddress: '10.0.0.1',
      ...multipart(formFields({ categoryId: w.categoryId }), [photo(1), { ...photo(2, JPEG), type: 'image/png' }]),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().photos).toBe(2);
    const order = await orderByNo(res.json().orderNo);
    expect(order.caller_confidential).toBe(true);
    expect(order.category_id).toBe(w.categoryId);
    const files = await w.deps.db.selectFrom('attachments').selectAll().where('order_id', '=', order.id).execute();
    expect(files.map((f) => f.content_type).sort()).toEqual(['image/jpeg', 'image/png']);
    expect(files.every((f) => f.uploaded_by === null)).toBe(true);
    expect(filesOnDisk()).toBe(before + 2);
  });

  it.each([
    [{ title: undefined }, 'title'],
    [{ title: '   ' }, 'title'],
    [{ content: '' }, 'content'],
    [{ callerName: undefined }, 'callerName'],
    [{ callerPhone: 'call me' }, 'callerPhone'],
    [{ appealType: 'gossip' }, 'appealType'],
    [{ categoryId: 'not-a-uuid' }, 'categoryId'],
    [{ categoryId: '00000000-0000-4000-8000-000000000000' }, 'categoryId'],
    [{ priority: 1 }, 'priority'],
  ])('refuses bad input %o with 400 naming the field %s', async (over, field) => {
    const before = await countOrders();
    const res = await post('/api/portal/appeals', appeal(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field });
    expect(await countOrders()).toBe(before);
  });

  it('refuses a sixth photo (400 photos), a non-image (415) and an oversized photo (413), storing nothing', async () => {
    const orders = await countOrders();
    const files = filesOnDisk();
    const six = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      ...multipart(
        formFields(),
        [1, 2, 3, 4, 5, 6].map((i) => photo(i)),
      ),
    });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.field).toBe('photos');
    const text = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      ...multipart(formFields(), [photo(1), { ...photo(2, Buffer.from('just text, not a picture')), fileName: 'a.png' }]),
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.field).toBe('photos');
    const big = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      ...multipart(formFields(), [photo(1, Buffer.concat([PNG, Buffer.alloc(5000)]))]),
    });
    expect(big.statusCode).toBe(413);
    const badField = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      ...multipart(formFields({ callerPhone: 'x' }), [photo(1)]),
    });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().error.field).toBe('callerPhone');
    // Photos pass their checks and are written, then intake fails in the transaction: files removed again.
    const unknownCategory = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      ...multipart(formFields({ categoryId: '00000000-0000-4000-8000-000000000000' }), [photo(1), photo(2)]),
    });
    expect(unknownCategory.statusCode).toBe(400);
    expect(unknownCategory.json().error.field).toBe('categoryId');
    expect(await countOrders()).toBe(orders);
    expect(filesOnDisk()).toBe(files);
  });
});

describe('portal: look up and see progress', () => {
  it('shows the progress with the caller masked; a wrong code answers exactly like an unknown number', async () => {
    const r = await submit();
    const ok = await post('/api/portal/lookup', { orderNo: r.orderNo, code: r.queryCode });
    expect(ok.statusCode).toBe(200);
    const p = ok.json();
    expect(p).toMatchObject({ orderNo: r.orderNo, stage: 'received', canRate: false, reply: null, rating: null });
    expect(p.stageText.zh).toContain('已收到');
    expect(p.caller).toEqual({ name: '王**', phone: '139****5678' });
    expect(ok.body).not.toContain('13912345678');
    expect(p.steps.map((s: { step: string }) => s.step)).toEqual(['accept']);

    const wrongCode = String((Number(r.queryCode) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await post('/api/portal/lookup', { orderNo: r.orderNo, code: wrongCode });
    const unknown = await post('/api/portal/lookup', { orderNo: '9901019999', code: r.queryCode });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
  });

  it('refuses malformed keys with 400 naming the field', async () => {
    const a = await post('/api/portal/lookup', { orderNo: '2501010001', code: '12345' });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.field).toBe('body.code');
    const b = await post('/api/portal/lookup', { orderNo: 'abc', code: '123456' });
    expect(b.json().error.field).toBe('body.orderNo');
  });

  it('lists only public steps, without staff names or internal notes, and shows the reply once replied', async () => {
    const r = await submit();
    let o = await orderByNo(r.orderNo);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id, instructions: '内部指示：优先处理' });
    o = await act(w, w.actors.unit_handler, o, 'sign', {}, '内部备注：已核实');
    o = await act(w, w.actors.unit_handler, o, 'record_contact', { method: 'phone', summary: '电话沟通内容保密' });
    const handling = (await post('/api/portal/lookup', { orderNo: r.orderNo, code: r.queryCode })).json();
    expect(handling.stage).toBe('handling');
    expect(handling.reply).toBeNull();
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已更换楼道灯，感谢反映。' });
    const res = await post('/api/portal/lookup', { orderNo: r.orderNo, code: r.queryCode });
    const p = res.json();
    expect(p.stage).toBe('replied');
    expect(p.steps.map((s: { step: string }) => s.step)).toEqual(['accept', 'dispatch', 'sign', 'record_contact', 'reply']);
    expect(p.steps[1].text.zh).toBe('已转交 A旗住建局 办理');
    expect(p.reply).toMatchObject({ kind: 'reply', result: 'resolved', text: '已更换楼道灯，感谢反映。' });
    for (const secret of ['内部指示', '内部备注', '电话沟通内容保密', 'dispatcher 测试', 'unit_handler 测试', 'actor']) {
      expect(res.body).not.toContain(secret);
    }
    expect(o.state).toBe('replied');
  });
});

describe('portal: the citizen’s own photos', () => {
  it('serves the photos the citizen sent, only with the right code, never staff files', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      ...multipart(formFields(), [photo(1), { ...photo(2, JPEG), fileName: 'b.jpg' }]),
    });
    const { orderNo, queryCode } = res.json();
    const key = { orderNo, code: queryCode };
    const progress = (await post('/api/portal/lookup', key)).json();
    expect(progress.photos).toBe(2);
    expect(progress.photoIds).toHaveLength(2);
    // Both photos carry the same upload instant, so their order is not part of the contract.
    const served = await Promise.all(progress.photoIds.map((id: string) => post(`/api/portal/photos/${id}`, key)));
    expect(served.map((r) => r.statusCode)).toEqual([200, 200]);
    const png = served.find((r) => r.headers['content-type'] === 'image/png');
    expect(png?.rawPayload.equals(PNG)).toBe(true);
    expect(served.map((r) => r.headers['content-type']).sort()).toEqual(['image/jpeg', 'image/png']);

    const wrongCode = await post(`/api/portal/photos/${progress.photoIds[0]}`, {
      orderNo,
      code: queryCode === '000000' ? '000001' : '000000',
    });
    expect(wrongCode.statusCode).toBe(404);
    // A file staff attached to the same order is not the citizen's to download here.
    const order = await orderByNo(orderNo);
    const staffFile = await w.deps.db
      .insertInto('attachments')
      .values({
        order_id: order.id,
        file_name: '内部材料.pdf',
        content_type: 'application/pdf',
        size_bytes: 10,
        sha256: 'x',
        storage_key: 'attachments/none',
        uploaded_by: (await w.deps.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await post(`/api/portal/photos/${staffFile.id}`, key)).statusCode).toBe(404);
    expect((await post('/api/portal/lookup', key)).json().photoIds).not.toContain(staffFile.id);
  });
});

describe('portal: rating', () => {
  const rate = (r: { orderNo: string; queryCode: string }, body: Record<string, unknown> = {}) =>
    post('/api/portal/rating', { orderNo: r.orderNo, code: r.queryCode, satisfaction: 'satisfied', resolved: true, ...body });

  it('answers 409 while the order is not waiting for its return visit', async () => {
    const r = await submit();
    const res = await rate(r);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('现在还不能评价');
    expect((await orderByNo(r.orderNo)).state).toBe('accepted');
  });

  it('records the rating as the web return visit, closing the order; a second rating is 409', async () => {
    const r = await submit();
    let o = await orderByNo(r.orderNo);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'partly', text: '部分解决' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    const waiting = (await post('/api/portal/lookup', { orderNo: r.orderNo, code: r.queryCode })).json();
    expect(waiting).toMatchObject({ stage: 'awaiting_rating', canRate: true });

    // 基本满意 + 已解决 closes; 未解决 or 不满意 would go to the centre's check (citizen-checks.http.test.ts).
    const res = await rate(r, { satisfaction: 'basically_satisfied', resolved: true, comment: '希望尽快彻底修好' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      stage: 'closed',
      canRate: false,
      rating: { satisfaction: 'basically_satisfied', resolved: true },
    });
    const closed = await orderByNo(r.orderNo);
    expect(closed).toMatchObject({
      state: 'closed',
      satisfaction: 'basically_satisfied',
      resolved: true,
      closure_kind: 'visited',
    });
    const visit = await w.deps.db.selectFrom('return_visits').selectAll().where('order_id', '=', o.id).executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ method: 'web', reached: true, visited_by: null, note: '希望尽快彻底修好' });

    const again = await rate(r, { satisfaction: 'dissatisfied' });
    expect(again.statusCode).toBe(409);
    expect((await orderByNo(r.orderNo)).satisfaction).toBe('basically_satisfied');
  });

  it('refuses a wrong code (404) and bad values (400 naming the field)', async () => {
    const r = await submit();
    const wrong = await rate({ ...r, queryCode: r.queryCode === '000000' ? '000001' : '000000' });
    expect(wrong.statusCode).toBe(404);
    const bad = await rate(r, { satisfaction: 'meh' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.satisfaction');
    const missing = await rate(r, { resolved: undefined });
    expect(missing.json().error.field).toBe('body.resolved');
  });
});

describe('portal: which centre', () => {
  it('serves the centre named by LIANXIN_PORTAL_CENTRE and no other centre’s orders', async () => {
    const mine = await newOrder(w);
    const other = await w.deps.db
      .insertInto('centres')
      .values({ code: `z${Date.now()}`, name: '另一热线中心' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const otherApp = await buildTestApp(w, { LIANXIN_PORTAL_CENTRE: other.code });
    try {
      expect((await otherApp.inject({ method: 'GET', url: '/api/portal/info' })).json().centreName).toBe('另一热线中心');
      const res = await otherApp.inject({
        method: 'POST',
        url: '/api/portal/lookup',
        payload: { orderNo: mine.order_no, code: mine.query_code },
      });
      expect(res.statusCode).toBe(404);
    } finally {
      await otherApp.close();
    }
    const missingApp = await buildTestApp(w, { LIANXIN_PORTAL_CENTRE: 'no-such-centre' });
    try {
      const res = await missingApp.inject({ method: 'GET', url: '/api/portal/info' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toContain('12345');
    } finally {
      await missingApp.close();
    }
  });
});
