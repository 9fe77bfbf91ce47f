import { beforeAll, describe, expect, it } from 'vitest';
import { act, newOrder } from '../helpers/orders.js';
import type { Order } from '../../src/db/schema.js';
import { DomainError } from '../../src/shared/errors.js';
import { searchOrdersFor } from '../../src/search/search.service.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld();
const o: Record<string, Order> = {};

beforeAll(async () => {
  w.clock.set('2025-03-01T02:00:00Z');
  o.heatTitle = await newOrder(w, { title: '暖气片不热', content: '家里温度只有十五度，老人孩子受冻。' });
  w.clock.advance(3_600_000);
  o.heatBody = await newOrder(w, { title: '小区物业问题', content: '物业不管事，冬天暖气也不热，楼道灯坏了。' });
  w.clock.advance(3_600_000);
  o.noise = await newOrder(w, {
    title: '夜间施工噪音扰民',
    content: '工地晚上十一点还在施工，噪音很大。',
    categoryId: undefined,
  });
  w.clock.set('2025-03-10T02:00:00Z');
  o.heatLater = await newOrder(w, { title: '暖气不热', content: '请热力公司尽快处理暖气不热。', regionId: undefined });
  o.heatTitle = await act(w, w.actors.dispatcher, o.heatTitle, 'dispatch', { leadUnitId: w.units.deptA1.id });
  o.heatBody = await act(w, w.actors.dispatcher, o.heatBody, 'dispatch', { leadUnitId: w.units.deptB1.id });
});

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('full-text search of orders', () => {
  it('finds orders by segmented words and ranks a title match above a content-only match', async () => {
    const r = await searchOrdersFor(w.deps, w.actors.supervisor, { q: '暖气' });
    expect(ids(r)).toHaveLength(3);
    expect(ids(r).indexOf(o.heatBody!.id)).toBe(2);
    expect(r.items[0]!.rank).toBeGreaterThan(r.items[2]!.rank);
    expect(ids(r)).not.toContain(o.noise!.id);
  });

  it('requires every word of the query', async () => {
    const r = await searchOrdersFor(w.deps, w.actors.supervisor, { q: '暖气 楼道' });
    expect(ids(r)).toEqual([o.heatBody!.id]);
  });

  it('highlights the matched words in title and content', async () => {
    const r = await searchOrdersFor(w.deps, w.actors.supervisor, { q: '噪音' });
    expect(ids(r)).toEqual([o.noise!.id]);
    const hits = r.items[0]!.highlight.content.filter((f) => f.hit).map((f) => f.text);
    expect(hits).toEqual(['噪音']);
    expect(r.items[0]!.highlight.title.some((f) => f.hit && f.text === '噪音')).toBe(true);
  });

  it('combines with filters: state, lead unit subtree, category, region, dates', async () => {
    const q = '暖气';
    expect(ids(await searchOrdersFor(w.deps, w.actors.supervisor, { q, state: 'accepted' }))).toEqual([o.heatLater!.id]);
    expect(ids(await searchOrdersFor(w.deps, w.actors.supervisor, { q, unitId: w.units.countyA.id }))).toEqual([o.heatTitle!.id]);
    const byRegion = await searchOrdersFor(w.deps, w.actors.supervisor, { q, regionId: w.regionId });
    expect(ids(byRegion).sort()).toEqual([o.heatTitle!.id, o.heatBody!.id].sort());
    const byCategory = await searchOrdersFor(w.deps, w.actors.supervisor, { q: '噪音', categoryId: w.categoryId });
    expect(ids(byCategory)).toEqual([]);
    const late = await searchOrdersFor(w.deps, w.actors.supervisor, { q, from: '2025-03-05T00:00:00Z' });
    expect(ids(late)).toEqual([o.heatLater!.id]);
    const early = await searchOrdersFor(w.deps, w.actors.supervisor, { q, to: '2025-03-05T00:00:00Z' });
    expect(ids(early).sort()).toEqual([o.heatTitle!.id, o.heatBody!.id].sort());
  });

  it('shows a unit only the orders sent into its subtree', async () => {
    expect(ids(await searchOrdersFor(w.deps, w.actors.unit_handler, { q: '暖气' }))).toEqual([o.heatTitle!.id]);
    expect(ids(await searchOrdersFor(w.deps, w.actors.unit_admin, { q: '暖气' }))).toEqual([o.heatTitle!.id]);
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerB, { q: '暖气' }))).toEqual([o.heatBody!.id]);
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerA1a, { q: '暖气' }))).toEqual([]);
  });

  it('rejects a query with nothing searchable and an unknown unit filter, naming the field', async () => {
    const field = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: unknown) => (e instanceof DomainError ? `${e.code}:${String(e.details.field)}` : String(e)),
      );
    expect(await field(searchOrdersFor(w.deps, w.actors.supervisor, { q: '，的！' }))).toBe('VALIDATION:q');
    expect(
      await field(searchOrdersFor(w.deps, w.actors.supervisor, { q: '暖气', unitId: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('VALIDATION:unitId');
  });
});
