import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

describe('GET /api/search/orders', () => {
  it('answers ranked, highlighted hits within the caller’s visibility', async () => {
    const a = await newOrder(w, { title: '锅炉房噪音扰民', content: '锅炉房夜间噪音很大' });
    const b = await newOrder(w, { title: '锅炉房冒黑烟', content: '锅炉房烟囱冒黑烟' });
    await act(w, w.actors.dispatcher, a, 'dispatch', { leadUnitId: w.units.deptA1.id });
    await act(w, w.actors.dispatcher, b, 'dispatch', { leadUnitId: w.units.deptB1.id });
    const sup = await (await asUser(app, w, 'supervisor')).get(`/api/search/orders?q=${encodeURIComponent('锅炉房')}`);
    expect(sup.statusCode).toBe(200);
    expect(
      sup
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const unit = await (await asUser(app, w, 'unit_handler')).get(`/api/search/orders?q=${encodeURIComponent('锅炉房')}`);
    expect(unit.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(unit.json().items[0].highlight.title.some((f: { hit: boolean; text: string }) => f.hit && f.text === '锅炉房')).toBe(
      true,
    );
  });

  it('rejects a missing query with 400 naming the field, and anonymous callers with 401', async () => {
    const op = await asUser(app, w, 'operator');
    const missing = await op.get('/api/search/orders');
    expect(missing.statusCode).toBe(400);
    const blank = await op.get(`/api/search/orders?q=${encodeURIComponent('的。')}`);
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('q');
    expect((await app.inject({ method: 'GET', url: '/api/search/orders?q=x' })).statusCode).toBe(401);
  });

  it('answers an offset past any list with 400, not a database error', async () => {
    const op = await asUser(app, w, 'operator');
    for (const url of ['/api/knowledge/articles', '/api/orders']) {
      for (const offset of ['100000000000000000000', '9223372036854775808', '1000001']) {
        const res = await op.get(`${url}?offset=${offset}`);
        expect(res.statusCode, `${url}?offset=${offset}`).toBe(400);
        expect(res.json().error.field).toContain('offset');
      }
      expect((await op.get(`${url}?offset=1000000`)).statusCode).toBe(200);
    }
  });
});

describe('knowledge API', () => {
  it('lets editors create and edit with versions, operators read, suggest and search', async () => {
    const admin = await asUser(app, w, 'admin');
    const op = await asUser(app, w, 'operator');
    const payload = {
      title: '居住证办理流程',
      body: '办理居住证需携带身份证、租房合同到社区服务中心申请。',
      ownerUnitId: w.units.countyA.id,
      status: 'published',
    };
    expect((await op.post('/api/knowledge/articles', payload)).statusCode).toBe(403);
    const created = await admin.post('/api/knowledge/articles', payload);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const edited = await admin.request({
      method: 'PUT',
      url: `/api/knowledge/articles/${id}`,
      payload: { ...payload, body: `${payload.body}办理时限5个工作日。`, version: 1 },
    });
    expect(edited.json().version).toBe(2);
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/knowledge/articles/${id}`,
      payload: { ...payload, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const detail = await op.get(`/api/knowledge/articles/${id}`);
    expect(detail.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const suggest = await op.get(`/api/knowledge/suggest?text=${encodeURIComponent('我想问一下居住证怎么办理')}`);
    expect(suggest.json().items[0].id).toBe(id);
    // A whole long appeal goes by POST (as a URL it would pass Node's 16 KB header limit).
    const long = `我想问一下居住证怎么办理，${'家里老人刚从外地搬来，需要办理各种手续。'.repeat(150)}`;
    const posted = await op.post('/api/knowledge/suggest', { text: long, limit: 3 });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().items[0].id).toBe(id);
    const search = await op.get(`/api/knowledge/search?q=${encodeURIComponent('居住证')}`);
    expect(search.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const bad = await admin.post('/api/knowledge/articles', { ...payload, status: 'archived' });
    expect(bad.statusCode).toBe(400);
    const upkeep = await op.get('/api/knowledge/upkeep');
    expect(upkeep.json().units.find((u: { unitId: string }) => u.unitId === w.units.countyA.id).owned).toBe(1);
  });
});

describe('duplicates API', () => {
  it('checks typed text, lists an order’s candidates, merges and unmerges through the action routes', async () => {
    const op = await asUser(app, w, 'operator');
    const first = await newOrder(w, {
      title: '广场舞音响太吵',
      content: '每天晚上广场舞音响声音太大',
      callerPhone: '13700000001',
    });
    const check = await op.post('/api/duplicates/check', {
      title: '广场舞音响太吵',
      content: '广场舞音响声音太大',
      callerPhone: '13700000001',
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().candidates[0]).toMatchObject({ orderId: first.id, likely: true });
    expect(check.json().candidates[0].reasons).toContain('same_caller');
    // At the start of a call only the phone is typed: that alone finds the caller's earlier order.
    const phoneOnly = await op.post('/api/duplicates/check', { title: '', content: '', callerPhone: '13700000001' });
    expect(phoneOnly.statusCode).toBe(200);
    expect(phoneOnly.json().candidates.map((c: { orderId: string }) => c.orderId)).toContain(first.id);
    const nothing = await op.post('/api/duplicates/check', { title: ' ', content: '' });
    expect(nothing.statusCode).toBe(400);
    w.clock.advance(3_600_000);
    const second = await newOrder(w, {
      title: '广场舞噪音',
      content: '广场舞音响声音太大，晚上十点还不停',
      callerPhone: '13700000001',
    });
    const list = await op.get(`/api/orders/${second.id}/duplicates`);
    expect(list.json().candidates.map((c: { orderId: string }) => c.orderId)).toContain(first.id);
    expect((await (await asUser(app, w, 'handlerB')).get(`/api/orders/${second.id}/duplicates`)).statusCode).toBe(404);
    const merged = await op.post(`/api/orders/${second.id}/actions/merge`, { version: second.version, intoOrderId: first.id });
    expect(merged.json().state).toBe('merged');
    const noReason = await op.post(`/api/orders/${second.id}/actions/unmerge`, { version: merged.json().version });
    expect(noReason.statusCode).toBe(400);
    const undone = await op.post(`/api/orders/${second.id}/actions/unmerge`, {
      version: merged.json().version,
      reason: '不同诉求',
    });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().state).toBe('accepted');
    expect(undone.json().mergedIntoId).toBeNull();
  });
});
