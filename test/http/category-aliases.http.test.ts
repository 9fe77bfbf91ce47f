import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

/** Category aliases (ADR 0085): the admin edits them, pickers get them, order search expands by them. */
describe('category aliases', () => {
  const { w, app } = useApp();
  const patch = (client: Awaited<ReturnType<typeof asUser>>, id: string, payload: object) =>
    client.request({ method: 'PATCH', url: `/api/categories/${id}`, payload });

  it('are set by the admin, trimmed, and listed for intake and the portal', async () => {
    const admin = await asUser(app, w, 'admin');
    const set = await patch(admin, w.categoryId, { aliases: [' 物业 ', '物业费'] });
    expect(set.statusCode).toBe(200);
    expect(set.json().aliases).toEqual(['物业', '物业费']);
    const listed = (await admin.get('/api/categories')).json().items as { id: string; aliases: string[] }[];
    expect(listed.find((c) => c.id === w.categoryId)?.aliases).toEqual(['物业', '物业费']);
    const portal = (await app.inject({ method: 'GET', url: '/api/portal/info' })).json();
    expect(portal.categories.find((c: { id: string }) => c.id === w.categoryId).aliases).toEqual(['物业', '物业费']);
    expect((await patch(admin, w.categoryId, { aliases: [] })).json().aliases).toEqual([]);
  });

  it('reject too many, blank, too long or repeated aliases with 400 naming the field; only the admin edits', async () => {
    const admin = await asUser(app, w, 'admin');
    const bad = [Array.from({ length: 21 }, (_, i) => `别名${i}`), ['  '], ['一'.repeat(21)], ['物业', ' 物业']];
    for (const aliases of bad) {
      const r = await patch(admin, w.categoryId, { aliases });
      expect(r.statusCode, JSON.stringify(aliases)).toBe(400);
      expect(r.json().error.field).toBe('aliases');
    }
    const operator = await asUser(app, w, 'operator');
    expect((await patch(operator, w.categoryId, { aliases: ['物业'] })).statusCode).toBe(403);
  });

  it('expand order search: 暖气 and 供暖 find an appeal that says 供热', async () => {
    const admin = await asUser(app, w, 'admin');
    const heating = (await admin.post('/api/categories', { code: 'HEAT', name: '供热' })).json();
    const order = await newOrder(w, { title: '小区供热温度不达标', content: '家里供热温度只有十五度' });
    const supervisor = await asUser(app, w, 'supervisor');
    const search = async (q: string) =>
      (await supervisor.get(`/api/search/orders?q=${encodeURIComponent(q)}`)).json().items.map((i: { id: string }) => i.id);
    expect(await search('暖气')).toEqual([]);
    expect((await patch(admin, heating.id, { aliases: ['供暖', '暖气'] })).statusCode).toBe(200);
    expect(await search('暖气')).toEqual([order.id]);
    expect(await search('供暖 温度')).toEqual([order.id]);
    expect(await search('暖气 停水')).toEqual([]);
    const hit = (await supervisor.get(`/api/search/orders?q=${encodeURIComponent('暖气')}`)).json().items[0];
    expect(hit.highlight.title.some((f: { hit: boolean; text: string }) => f.hit && f.text === '供热')).toBe(true);
  });
});
