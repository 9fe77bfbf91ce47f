import { beforeAll, describe, expect, it } from 'vitest';
import { newOrder } from '../helpers/orders.js';
import type { Order } from '../../src/db/schema.js';
import { actorScope } from '../../src/users/actor-scope.js';
import { sql } from 'kysely';
import { commonOrderLexemes, searchOrders, type OrderSearchFilter } from '../../src/search/search.repository.js';
import { searchOrdersFor } from '../../src/search/search.service.js';
import { queryLexemes } from '../../src/text/segment.js';
import { allOf } from '../../src/text/tsquery.js';
import { useWorld } from '../helpers/use-world.js';

// Search looks at the most recent weeks first and older slices only while the rank window is not
// full (ADR 0046). Whatever the slices, the window must be the most recent matches.

const { database, w } = useWorld('2024-01-01T02:00:00Z');
const now = new Date('2025-06-04T12:00:00Z');
const day = 86_400_000;
const o: Record<string, Order> = {};

beforeAll(async () => {
  const at = (daysBack: number) => w.clock.set(new Date(now.getTime() - daysBack * day).toISOString());
  const add = async (key: string, daysBack: number) => {
    at(daysBack);
    o[key] = await newOrder(w, { title: '山体滑坡隐患', content: `雨后山体滑坡，${key}。` });
  };
  await add('d700', 700);
  await add('d280', 280);
  await add('d70', 70);
  await add('d20', 20);
  await add('d8', 8);
  await add('d1', 1);
  await add('ahead', -2); // a clock a little ahead of "now"
  at(3);
  await newOrder(w, { title: '路灯不亮', content: '小区路灯坏了。' });
});

/** The kept window, sliced and in one statement; both must agree. */
async function windowOf(rankWindow: number, extra: Partial<OrderSearchFilter> = {}) {
  const run = (slicing: 'always' | 'never') =>
    searchOrders(database.db, actorScope(w.actors.supervisor), {
      query: allOf(queryLexemes('滑坡'))!,
      now,
      limit: 100,
      offset: 0,
      rankWindow,
      slicing,
      ...extra,
    }).then((r) => r.rows.map((x) => x.id).sort());
  const [sliced, whole] = await Promise.all([run('always'), run('never')]);
  expect(sliced).toEqual(whole);
  return sliced;
}
const ids = (...keys: string[]) => keys.map((k) => o[k]!.id).sort();

describe('recent-first slices (ADR 0046)', () => {
  it('keeps the most recent matches whichever slices they fall in', async () => {
    expect(await windowOf(2)).toEqual(ids('ahead', 'd1'));
    expect(await windowOf(3)).toEqual(ids('ahead', 'd1', 'd8'));
    expect(await windowOf(5)).toEqual(ids('ahead', 'd1', 'd8', 'd20', 'd70'));
    expect(await windowOf(6)).toEqual(ids('ahead', 'd1', 'd8', 'd20', 'd70', 'd280'));
    expect(await windowOf(200)).toEqual(ids('ahead', 'd1', 'd8', 'd20', 'd70', 'd280', 'd700'));
  });

  it('applies date bounds to every slice', async () => {
    const from = new Date(now.getTime() - 75 * day);
    const to = new Date(now.getTime() - 5 * day);
    expect(await windowOf(200, { acceptedFrom: from })).toEqual(ids('ahead', 'd1', 'd8', 'd20', 'd70'));
    expect(await windowOf(200, { acceptedTo: to })).toEqual(ids('d8', 'd20', 'd70', 'd280', 'd700'));
    expect(await windowOf(2, { acceptedTo: to })).toEqual(ids('d8', 'd20'));
    expect(await windowOf(200, { acceptedFrom: from, acceptedTo: to })).toEqual(ids('d8', 'd20', 'd70'));
  });

  it('ranks the window and pages through it', async () => {
    const all = await searchOrders(database.db, actorScope(w.actors.supervisor), {
      query: allOf(queryLexemes('滑坡'))!,
      now,
      limit: 3,
      offset: 0,
      slicing: 'always',
    });
    expect(all.rows).toHaveLength(3);
    expect(all.hasMore).toBe(true);
    const next = await searchOrders(database.db, actorScope(w.actors.supervisor), {
      query: allOf(queryLexemes('滑坡'))!,
      now,
      limit: 10,
      offset: 3,
      slicing: 'always',
    });
    expect(next.rows).toHaveLength(4);
    expect(next.hasMore).toBe(false);
    const order = [...all.rows, ...next.rows];
    // equal ranks: newest first
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      expect(a.rank > b.rank || (a.rank === b.rank && a.accepted_at.getTime() >= b.accepted_at.getTime())).toBe(true);
    }
    expect(new Set(order.map((r) => r.id)).size).toBe(7);
  });
});

describe('words in nearly every order (ADR 0046)', () => {
  it('are checked on the rows found instead of looked up in the index, with the same results', async () => {
    await sql`analyze orders`.execute(database.db);
    const common = await commonOrderLexemes(database.db);
    expect(common).toEqual(expect.arrayContaining(['山体', '滑坡']));
    expect(common).not.toContain('d20');
    w.clock.set(now.toISOString());
    const found = await searchOrdersFor(w.deps, w.actors.supervisor, { q: '山体滑坡 d20' });
    expect(found.items.map((i) => i.id)).toEqual([o.d20!.id]);
    const onlyCommon = await searchOrdersFor(w.deps, w.actors.supervisor, { q: '山体滑坡' });
    expect(onlyCommon.items).toHaveLength(7);
    // every word still required: a common word missing from the order excludes it
    expect((await searchOrdersFor(w.deps, w.actors.supervisor, { q: '路灯 滑坡' })).items).toEqual([]);
  });
});
