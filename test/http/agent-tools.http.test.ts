import { describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';
import { presencePruneJob } from '../../src/presence/presence-prune.job.js';

const { w, app } = useApp({ env: { LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000', LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '1000' } });

const drain = () => drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers, batchSize: 50 });

describe('text modules', () => {
  it('admin creates, edits and deactivates; the order gets the applicable ones filled', async () => {
    const admin = await asUser(app, w, 'admin');
    const created = await admin.post('/api/text-modules', {
      name: '受理告知',
      keyword: 'shouli',
      body: '{{citizen.name}}您好，工单{{order.number}}已由{{unit.name}}办理，{{deadline}}前答复。',
    });
    expect(created.statusCode).toBe(201);
    const scoped = await admin.post('/api/text-modules', {
      name: 'B旗专用',
      keyword: 'bqi',
      body: 'B旗：{{order.title}}',
      unitId: w.units.deptB1.id,
    });
    expect(scoped.statusCode).toBe(201);
    const byCategory = await admin.post('/api/text-modules', {
      name: '城建类',
      keyword: 'chengjian',
      body: '{{category.name}} {{today}}',
      categoryId: (
        await w.deps.db
          .selectFrom('categories')
          .select('id')
          .where('code', '=', 'C1')
          .where('centre_id', '=', w.centreId)
          .executeTakeFirstOrThrow()
      ).id,
    });
    expect(byCategory.statusCode).toBe(201);

    let order = await newOrder(w);
    order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const handler = await asUser(app, w, 'unit_handler');
    const res = await handler.get(`/api/orders/${order.id}/text-modules`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { keyword: string; text: string }[];
    expect(items.map((i) => i.keyword)).toEqual(['chengjian', 'shouli']);
    const shouli = items.find((i) => i.keyword === 'shouli')!;
    expect(shouli.text).toContain('张*您好');
    expect(shouli.text).toContain(order.order_no);
    expect(shouli.text).toContain('A旗住建局');
    expect(shouli.text).not.toContain('{{');
    expect(items.find((i) => i.keyword === 'chengjian')!.text).toBe('物业管理 2025-03-03');

    // B旗's handler sees its own unit's module on an order it can see.
    const handlerB = await asUser(app, w, 'handlerB');
    let orderB = await newOrder(w);
    orderB = await act(w, w.actors.dispatcher, orderB, 'dispatch', { leadUnitId: w.units.deptB1.id });
    const forB = (await handlerB.get(`/api/orders/${orderB.id}/text-modules`)).json().items as { keyword: string }[];
    expect(forB.map((i) => i.keyword)).toContain('bqi');

    const off = await admin.request({
      method: 'PATCH',
      url: `/api/text-modules/${created.json().id}`,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const after = (await handler.get(`/api/orders/${order.id}/text-modules`)).json().items as { keyword: string }[];
    expect(after.map((i) => i.keyword)).toEqual(['chengjian']);
    const list = await admin.get('/api/text-modules');
    expect(list.json().items).toHaveLength(3);
  });

  it('a module limited to a dialog is offered only there (reply / review / 回访); unlimited ones everywhere', async () => {
    const admin = await asUser(app, w, 'admin');
    const make = (keyword: string, dialogs?: string[]) =>
      admin.post('/api/text-modules', {
        name: keyword,
        keyword,
        body: `${keyword} {{order.number}}`,
        ...(dialogs && { dialogs }),
      });
    expect((await make('d-reply', ['reply'])).json().dialogs).toEqual(['reply']);
    await make('d-visit', ['visit']);
    await make('d-review-visit', ['review', 'visit']);
    const bad = await make('d-bad', ['chat']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/dialogs/);

    let order = await newOrder(w);
    order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const handler = await asUser(app, w, 'unit_handler');
    const offered = async (dialog?: string) =>
      (
        (await handler.get(`/api/orders/${order.id}/text-modules${dialog ? `?dialog=${dialog}` : ''}`)).json().items as {
          keyword: string;
        }[]
      )
        .map((i) => i.keyword)
        .filter((k) => k.startsWith('d-'));
    expect(await offered('reply')).toEqual(['d-reply']);
    expect(await offered('visit')).toEqual(['d-review-visit', 'd-visit']);
    expect(await offered('review')).toEqual(['d-review-visit']);
    expect(await offered()).toEqual([]); // a dialog of no kind (a dispatch note) gets only unlimited modules
    expect((await handler.get(`/api/orders/${order.id}/text-modules?dialog=chat`)).statusCode).toBe(400);

    const reply = (await admin.get('/api/text-modules')).json().items.find((m: { keyword: string }) => m.keyword === 'd-reply');
    const opened = await admin.request({ method: 'PATCH', url: `/api/text-modules/${reply.id}`, payload: { dialogs: [] } });
    expect(opened.json().dialogs).toEqual([]);
    expect(await offered()).toEqual(['d-reply']);
  });

  it('answers 400 naming the field, and 403 without textmodule.manage', async () => {
    const admin = await asUser(app, w, 'admin');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: ' ', keyword: 'a1', body: 'x' }, 'name'],
      [{ name: 'n', keyword: 'has space', body: 'x' }, 'keyword'],
      [{ name: 'n', keyword: 'a2', body: '{{citizen.phone}}' }, 'body'],
      [{ name: 'n', keyword: 'a3', body: 'x', unitId: 'not-a-uuid' }, 'unitId'],
      [{ name: 'n', keyword: 'a4', body: 'x', unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
      [{ name: 'n', keyword: 'shouli', body: 'x' }, 'keyword'],
    ];
    for (const [payload, field] of cases) {
      const res = await admin.post('/api/text-modules', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toMatch(new RegExp(`${field}$`));
    }
    const operator = await asUser(app, w, 'operator');
    expect((await operator.post('/api/text-modules', { name: 'n', keyword: 'z', body: 'x' })).statusCode).toBe(403);
    expect((await operator.get('/api/text-modules')).statusCode).toBe(403);
  });
});

describe('internal notes', () => {
  it('a note mentions a user and a unit: one notice per person, on the timeline, never on the portal', async () => {
    const receipt = await app.inject({
      method: 'POST',
      url: '/api/portal/appeals',
      remoteAddress: '10.0.0.9',
      payload: {
        appealType: 'complaint',
        title: '楼道灯坏了',
        content: '三号楼二单元楼道灯坏了一个月，晚上看不见路。',
        callerName: '王秀英',
        callerPhone: '13912345678',
      },
    });
    expect(receipt.statusCode).toBe(201);
    const { orderNo, queryCode } = receipt.json() as { orderNo: string; queryCode: string };
    let order = await w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();
    order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });

    const dispatcher = await asUser(app, w, 'dispatcher');
    const people = await dispatcher.get('/api/notes/people?q=' + encodeURIComponent('supervisor'));
    expect(people.json().items).toEqual([expect.objectContaining({ kind: 'user', id: w.actors.supervisor.userId })]);
    const units = (await dispatcher.get('/api/notes/people?q=' + encodeURIComponent('住建局'))).json().items;
    expect(units.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['A旗住建局', 'B旗住建局']));

    const note = await dispatcher.post(`/api/orders/${order.id}/notes`, {
      text: '@supervisor 测试 @A旗住建局 请留意：内部备注不对市民公开',
      mentionUserIds: [w.actors.supervisor.userId],
      mentionUnitIds: [w.units.deptA1.id],
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().notified).toBe(2); // the supervisor and A1's handler
    await drain();

    const handler = await asUser(app, w, 'unit_handler');
    const bell = (await handler.get('/api/notices?unread=true&kind=note.mention')).json();
    expect(bell.items).toHaveLength(1);
    expect(bell.items[0]).toMatchObject({ orderId: order.id, orderNo });
    expect(bell.items[0].text.zh).toContain('提到了您');
    const supervisor = await asUser(app, w, 'supervisor');
    expect((await supervisor.get('/api/notices?kind=note.mention')).json().items).toHaveLength(1);
    expect((await dispatcher.get('/api/notices?kind=note.mention')).json().items).toHaveLength(0);

    const timeline = (await handler.get(`/api/orders/${order.id}/timeline`)).json();
    const events = timeline.events as { action: string; note: string | null }[];
    expect(events.find((e) => e.action === 'note')?.note).toContain('内部备注不对市民公开');

    const portal = await app.inject({
      method: 'POST',
      url: '/api/portal/lookup',
      remoteAddress: '10.0.0.9',
      payload: { orderNo, code: queryCode },
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).not.toContain('内部备注');
    expect(portal.body).not.toContain('"note"');
  });

  it('typed @names notify without the picker, and the answer names those that fit nobody or several', async () => {
    let order = await newOrder(w);
    order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const dispatcher = await asUser(app, w, 'dispatcher');
    const note = await dispatcher.post(`/api/orders/${order.id}/notes`, {
      text: '@supervisor 测试 请看一下，@A旗住建局今天跟进；@李四 也看看，@测试 请留意。邮件 x@y.cn',
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ notified: 2, unknown: ['@李四'], ambiguous: ['@测试'] });
    await drain();
    const supervisor = await asUser(app, w, 'supervisor');
    const seen = (await supervisor.get('/api/notices?kind=note.mention')).json().items as { orderId: string }[];
    expect(seen.filter((n) => n.orderId === order.id)).toHaveLength(1);
    const handler = await asUser(app, w, 'unit_handler');
    const bell = (await handler.get('/api/notices?unread=true&kind=note.mention')).json().items as { orderId: string }[];
    expect(bell.filter((n) => n.orderId === order.id)).toHaveLength(1);
    // The picker's choice settles a name several people share.
    const picked = await dispatcher.post(`/api/orders/${order.id}/notes`, {
      text: '@测试 你好',
      mentionUserIds: [w.actors.operator.userId],
    });
    expect(picked.json()).toMatchObject({ notified: 1, unknown: [], ambiguous: [] });
  });

  it('refuses blanks, unknown mentions (400 naming the field) and roles without order.note', async () => {
    const order = await newOrder(w);
    const dispatcher = await asUser(app, w, 'dispatcher');
    const blank = await dispatcher.post(`/api/orders/${order.id}/notes`, { text: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toMatch(/text$/);
    const unknown = await dispatcher.post(`/api/orders/${order.id}/notes`, {
      text: '你好',
      mentionUserIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('mentionUserIds');
    const analyst = await asUser(app, w, 'analyst');
    expect((await analyst.post(`/api/orders/${order.id}/notes`, { text: '你好' })).statusCode).toBe(403);
  });
});

describe('presence', () => {
  it('each of two users sees the other while both beat; a silent one drops out after the TTL', async () => {
    const order = await newOrder(w);
    const operator = await asUser(app, w, 'operator');
    const dispatcher = await asUser(app, w, 'dispatcher');
    const first = await operator.post(`/api/orders/${order.id}/presence`);
    expect(first.statusCode).toBe(200);
    expect(first.json().others).toEqual([]);
    const second = (await dispatcher.post(`/api/orders/${order.id}/presence`)).json();
    expect(second.others).toEqual([expect.objectContaining({ userId: w.actors.operator.userId, name: 'operator 测试' })]);
    expect((await operator.post(`/api/orders/${order.id}/presence`)).json().others[0].userId).toBe(w.actors.dispatcher.userId);

    w.clock.advance(31_000);
    expect((await operator.post(`/api/orders/${order.id}/presence`)).json().others).toEqual([]);
    await dispatcher.post(`/api/orders/${order.id}/presence`);
    const leave = await dispatcher.request({ method: 'DELETE', url: `/api/orders/${order.id}/presence` });
    expect(leave.statusCode).toBe(200);
    expect((await operator.post(`/api/orders/${order.id}/presence`)).json().others).toEqual([]);

    // The worker's prune job drops rows nobody refreshed within the TTL (closed tabs).
    const rows = () => w.deps.db.selectFrom('order_presence').select('user_id').where('order_id', '=', order.id).execute();
    expect(await rows()).toHaveLength(1);
    w.clock.advance(31_000);
    await presencePruneJob.run(workerDeps(w.deps));
    expect(await rows()).toHaveLength(0);
  });
});
