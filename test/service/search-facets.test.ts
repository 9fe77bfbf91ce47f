import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { act, newOrder } from '../helpers/orders.js';
import type { Order } from '../../src/db/schema.js';
import { findOrder } from '../../src/orders/order.repository.js';
import { actorScope } from '../../src/users/actor-scope.js';
import { insertCategory, insertRegion } from '../../src/org/catalog.repository.js';
import { searchOrdersFor } from '../../src/search/search.service.js';
import { weekOf, weeksBetween } from '../../src/search/search-facets.js';
import type { Actor } from '../../src/users/roles.js';
import { useWorld } from '../helpers/use-world.js';

// Search filters and a unit's visibility come from `orders.search_facets`, kept by triggers
// (ADR 0046). These tests compare every answer with the plain definition on the source columns.

const { database, w } = useWorld('2025-03-01T02:00:00Z');
const o: Record<string, Order> = {};
let childRegionId: string;
let childCategoryId: string;

beforeAll(async () => {
  const db = database.db;
  const region = await db.selectFrom('regions').selectAll().where('id', '=', w.regionId).executeTakeFirstOrThrow();
  childRegionId = (
    await insertRegion(db, { centreId: region.centre_id, parentId: region.id, code: 'R1a', name: 'A旗某镇', level: 2 })
  ).id;
  const leaf = await db.selectFrom('categories').selectAll().where('id', '=', w.categoryId).executeTakeFirstOrThrow();
  const root = await db.selectFrom('categories').selectAll().where('id', '=', leaf.parent_id!).executeTakeFirstOrThrow();
  childCategoryId = (
    await insertCategory(db, {
      centreId: root.centre_id,
      parentId: root.id,
      parentPath: root.path,
      code: 'C12',
      name: '市政设施',
      level: 2,
    })
  ).id;
  const d = w.actors.dispatcher;
  // lead A1 with B1 assisting
  o.assisted = await newOrder(w, { title: '锅炉房供暖不热', content: '锅炉房烧得不够，暖气不热。' });
  o.assisted = await act(w, d, o.assisted, 'dispatch', { leadUnitId: w.units.deptA1.id, assistUnitIds: [w.units.deptB1.id] });
  // lead team A1a (below A1), signed: state handling
  w.clock.advance(3_600_000);
  o.team = await newOrder(w, { title: '锅炉房噪音', content: '锅炉房夜里噪音大。', regionId: childRegionId });
  o.team = await act(w, d, o.team, 'dispatch', { leadUnitId: w.units.teamA1a.id });
  o.team = await act(w, w.actors.handlerA1a, o.team, 'sign', {});
  // first sent to B1, returned, then sent to town A2: B1 keeps seeing it (it was sent there once)
  w.clock.advance(3_600_000);
  o.moved = await newOrder(w, { title: '锅炉房漏水', content: '锅炉房管道漏水。', categoryId: childCategoryId });
  o.moved = await act(w, d, o.moved, 'dispatch', { leadUnitId: w.units.deptB1.id });
  o.moved = await act(w, w.actors.handlerB, o.moved, 'request_return', { reason: '不属于本单位' });
  o.moved = await act(w, d, o.moved, 'approve_return', {});
  o.moved = await act(w, d, o.moved, 'dispatch', { leadUnitId: w.units.townA2.id });
  // never dispatched: the centre only
  w.clock.advance(3_600_000);
  o.fresh = await newOrder(w, { title: '锅炉房排烟', content: '锅炉房烟囱冒黑烟。', regionId: undefined });
});

const all = () => Object.values(o);
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();

async function visibleBy(actor: Actor) {
  const out: string[] = [];
  for (const x of all()) if (await findOrder(database.db, actorScope(actor), x.id)) out.push(x.id);
  return out.sort();
}

describe('search facets (ADR 0046)', () => {
  it('shows every unit user exactly the orders ever sent into their subtree, as the per-row check does', async () => {
    const units = ['unit_handler', 'unit_admin', 'handlerB', 'handlerA1a'] as const;
    for (const role of units) {
      const actor = w.actors[role];
      const found = ids(await searchOrdersFor(w.deps, actor, { q: '锅炉房' }));
      expect(found, role).toEqual(await visibleBy(actor));
    }
    // and concretely: B1 assisted one and once had another; A1a only its own; county A all but the fresh one
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerB, { q: '锅炉房' }))).toEqual([o.assisted!.id, o.moved!.id].sort());
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerA1a, { q: '锅炉房' }))).toEqual([o.team!.id]);
    expect(ids(await searchOrdersFor(w.deps, w.actors.unit_admin, { q: '锅炉房' }))).toEqual(
      [o.assisted!.id, o.team!.id, o.moved!.id].sort(),
    );
    expect(ids(await searchOrdersFor(w.deps, w.actors.supervisor, { q: '锅炉房' }))).toHaveLength(4);
  });

  it('filters by state (one or several), lead-unit subtree, category subtree and region with its children', async () => {
    const s = (q: Parameters<typeof searchOrdersFor>[2]) => searchOrdersFor(w.deps, w.actors.supervisor, q).then(ids);
    const q = '锅炉房';
    expect(await s({ q, state: 'handling' })).toEqual([o.team!.id]);
    expect(await s({ q, state: 'handling,accepted' })).toEqual([o.team!.id, o.fresh!.id].sort());
    expect(await s({ q, state: 'dispatched' })).toEqual([o.assisted!.id, o.moved!.id].sort());
    expect(await s({ q, unitId: w.units.deptA1.id })).toEqual([o.assisted!.id, o.team!.id].sort());
    expect(await s({ q, unitId: w.units.countyA.id })).toEqual([o.assisted!.id, o.team!.id, o.moved!.id].sort());
    expect(await s({ q, unitId: w.units.deptB1.id })).toEqual([]);
    expect(await s({ q, categoryId: childCategoryId })).toEqual([o.moved!.id]);
    expect(await s({ q, regionId: w.regionId })).toEqual([o.assisted!.id, o.team!.id, o.moved!.id].sort());
    expect(await s({ q, regionId: childRegionId })).toEqual([o.team!.id]);
    // a unit user's filters narrow within what they may see
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerB, { q, state: 'dispatched', unitId: w.units.countyA.id }))).toEqual(
      [o.assisted!.id, o.moved!.id].sort(),
    );
  });

  it('keeps the stored facets equal to the order columns and assignments after every step', async () => {
    const rows = await sql<{ id: string; ok: boolean; accepted_at: Date }>`
      select o.id, o.accepted_at,
        o.search_facets @> array['s:' || o.state]
        and (o.lead_unit_id is null or o.search_facets @> array['l:' || o.lead_unit_id::text])
        and (o.category_id is null or o.search_facets @> array['c:' || o.category_id::text])
        and (o.region_id is null or o.search_facets @> array['r:' || o.region_id::text])
        and not exists (select 1 from order_assignments a where a.order_id = o.id and not o.search_facets @> array['v:' || a.unit_id::text])
        and (select count(*) from unnest(o.search_facets) f where f like 's:%') = 1 as ok
      from orders o where o.centre_id = ${w.units.centre.centre_id}`.execute(database.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows.rows) expect(r.ok, r.id).toBe(true);
    const facets = await sql<{ search_facets: string[] }>`select search_facets from orders where id = ${o.fresh!.id}`.execute(
      database.db,
    );
    expect(facets.rows[0]!.search_facets).toContain(`w:${weekOf(o.fresh!.accepted_at)}`);
  });

  it('follows an assignment written outside a transition (import, repair) once it commits', async () => {
    const before = ids(await searchOrdersFor(w.deps, w.actors.handlerB, { q: '锅炉房排烟' }));
    expect(before).toEqual([]);
    await database.db
      .insertInto('order_assignments')
      .values({ order_id: o.fresh!.id, unit_id: w.units.deptB1.id, role: 'assist', assigned_at: w.clock.now() })
      .execute();
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerB, { q: '锅炉房排烟' }))).toEqual([o.fresh!.id]);
    expect(await visibleBy(w.actors.handlerB)).toContain(o.fresh!.id);
    await database.db.deleteFrom('order_assignments').where('order_id', '=', o.fresh!.id).execute();
    expect(ids(await searchOrdersFor(w.deps, w.actors.handlerB, { q: '锅炉房排烟' }))).toEqual([]);
  });

  it('names the weeks of a window in the way the database does', () => {
    expect(weeksBetween(new Date('1970-01-01T00:00:00Z'), new Date('1970-01-08T00:00:00Z'))).toEqual(['w:0', 'w:1']);
    expect(weeksBetween(new Date('2025-03-01T00:00:00Z'), new Date('2025-03-31T00:00:00Z'))).toHaveLength(5);
  });
});
