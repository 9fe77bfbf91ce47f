import { describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });

const portal = (url: string) => app.inject({ method: 'GET', url });
const makePublic = (c: Client, id: string, flag: boolean) =>
  c.request({ method: 'PUT', url: `/api/knowledge/articles/${id}/public`, payload: { public: flag } });
const titles = (res: { json(): { items: { title: { text: string }[] }[] } }) =>
  res.json().items.map((i) => i.title.map((f) => f.text).join(''));

describe('the public knowledge base on the portal', () => {
  it('shows only public, answerable articles, found by the same Chinese search; each read counts a view', async () => {
    const admin = await asUser(app, w, 'admin');
    const operator = await asUser(app, w, 'operator');
    const create = async (title: string, body: string, status = 'published') =>
      (await admin.post('/api/knowledge/articles', { title, body, ownerUnitId: w.units.countyA.id, status })).json().id as string;
    const heating = await create(
      '供暖期及室温标准',
      '城区供暖期为每年10月15日至次年4月15日，居室温度不低于18℃。室温不达标可拨打12345反映。',
    );
    const internal = await create('供暖投诉派单口径', '供暖室温投诉派热力公司主办，住建局协办。');
    const draft = await create('供暖收费标准（草稿）', '住宅供暖费按建筑面积收取。', 'draft');

    // Nothing is public yet.
    expect(titles(await portal('/api/portal/knowledge?q=供暖室温'))).toEqual([]);
    expect((await portal(`/api/portal/knowledge/${heating}`)).statusCode).toBe(404);

    expect((await makePublic(operator, heating, true)).statusCode).toBe(403);
    const marked = await makePublic(admin, heating, true);
    expect(marked.json()).toMatchObject({ public: true, publicViews: 0 });
    await makePublic(admin, draft, true);

    const hits = await portal('/api/portal/knowledge?q=暖气不热室温多少度');
    expect(hits.statusCode).toBe(200);
    expect(titles(hits)).toEqual(['供暖期及室温标准']); // not the internal one, not the draft
    expect(hits.json().items[0].excerpt.some((f: { hit: boolean }) => f.hit)).toBe(true);
    expect(titles(await portal('/api/portal/knowledge'))).toEqual(['供暖期及室温标准']);

    const first = await portal(`/api/portal/knowledge/${heating}`);
    expect(first.json()).toMatchObject({ title: '供暖期及室温标准', views: 1 });
    expect(Object.keys(first.json()).sort()).toEqual(['body', 'id', 'title', 'updatedAt', 'views']);
    expect((await portal(`/api/portal/knowledge/${heating}`)).json().views).toBe(2);
    expect((await portal(`/api/portal/knowledge/${draft}`)).statusCode).toBe(404);
    expect((await portal(`/api/portal/knowledge/${internal}`)).statusCode).toBe(404);
    const staffView = await admin.get(`/api/knowledge/articles/${heating}`);
    expect(staffView.json().article).toMatchObject({ public: true, publicViews: 2 });

    // Taken off the portal: gone from search and from its page.
    await makePublic(admin, heating, false);
    expect(titles(await portal('/api/portal/knowledge?q=供暖室温'))).toEqual([]);
    expect((await portal(`/api/portal/knowledge/${heating}`)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const long = await portal(`/api/portal/knowledge?q=${encodeURIComponent('问'.repeat(101))}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.field).toContain('q');
    expect((await portal('/api/portal/knowledge/not-a-uuid')).json().error.field).toContain('id');
  });
});
