import type { OrderState } from '../src/contract/vocabulary.js';
import { defaultDomainSettings } from '../src/config/domain-settings.js';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { findDuplicates } from '../src/duplicates/duplicate.service.js';
import { listOrders, whereVisible, type OrderScope } from '../src/orders/order.repository.js';
import { actorScope } from '../src/users/actor-scope.js';
import { RANK_WINDOW, searchOrders } from '../src/search/search.repository.js';
import type { Deps } from '../src/shared/deps.js';
import { insertCategory, insertRegion } from '../src/org/catalog.repository.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import { searchOrdersFor } from '../src/search/search.service.js';
import { ManualClock } from '../src/shared/clock.js';
import { lexemes, queryLexemes } from '../src/text/segment.js';
import { allOf, vectorSource } from '../src/text/tsquery.js';
import type { Actor, Role } from '../src/users/roles.js';
import { insertUser } from '../src/users/user.repository.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { BENCH_SERVER_URL, fmt, freshBenchDatabase, percentile, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';
import { generateQueries, generateTexts, rng } from './search-texts.js';

const ORDERS = 1_000_000;
const TEXTS = 5000;
const DAYS = 300; // 1,000,000 over 300 days: any 30-day window holds ~100,000 orders
const START = new Date('2025-01-01T00:00:00Z');

export const SEARCH_BENCH_START = START;
export const SEARCH_BENCH_DB = 'lianxin_bench_search';
const DB_NAME = SEARCH_BENCH_DB;
/** The bench's "now": the end of the generated period. */
export const SEARCH_BENCH_END = new Date(START.getTime() + DAYS * 86_400_000);

/** Reuses the generated million orders of an earlier run when asked (BENCH_SEARCH_REUSE=1). */
async function existingBenchDatabase(): Promise<Database | undefined> {
  if (process.env.BENCH_SEARCH_REUSE !== '1') return undefined;
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${DB_NAME}`;
  try {
    const database = await openDatabase({ url: url.toString(), poolSize: 4 });
    await migrateToLatest(database.db);
    const n = await sql<{ n: number }>`select count(*)::int as n from orders`.execute(database.db);
    if (n.rows[0]?.n === ORDERS) return database;
    await database.close();
  } catch {
    // not there yet: generate
  }
  return undefined;
}

/** A bench user as the services see them: one role, in one unit. */
const benchActor = (centreId: string, userId: string, unit: { id: string; path: string }, role: Role): Actor => ({
  kind: 'user',
  userId,
  centreId,
  unitId: unit.id,
  unitPath: unit.path,
  roles: [role],
  label: role,
});

/** The centre, units, categories, regions and two actors of a generated bench database. */
export async function loadSearchWorld(db: Database['db']) {
  const centre = await db.selectFrom('centres').selectAll().where('code', '=', 'bsearch').executeTakeFirstOrThrow();
  const units = await db.selectFrom('units').selectAll().where('centre_id', '=', centre.id).orderBy('code').execute();
  const depts = units.filter((u) => u.kind === 'county_dept');
  const cats = await db.selectFrom('categories').selectAll().where('centre_id', '=', centre.id).orderBy('code').execute();
  const regions = await db.selectFrom('regions').selectAll().where('centre_id', '=', centre.id).orderBy('code').execute();
  const actorOf = async (username: string, role: Role): Promise<Actor> => {
    const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return benchActor(
      centre.id,
      u.id,
      units.find((x) => x.id === u.unit_id)!,
      role,
    );
  };
  return {
    centreId: centre.id,
    depts,
    cats,
    regions,
    supervisor: await actorOf('b_supervisor', 'supervisor'),
    handler: await actorOf('b_unit_handler', 'unit_handler'),
  };
}

async function setup(database: Database) {
  const db = database.db;
  const centre = await insertCentre(db, { code: 'bsearch', name: '检索压测中心' });
  const root = await insertUnit(db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'U0',
    name: '中心',
    kind: 'centre',
  });
  const depts = [];
  for (let c = 0; c < 4; c++) {
    const county = await insertUnit(db, {
      centreId: centre.id,
      parentId: root.id,
      parentPath: root.path,
      code: `C${c}`,
      name: `第${c}旗`,
      kind: 'county',
    });
    for (let d = 0; d < 5; d++) {
      depts.push(
        await insertUnit(db, {
          centreId: centre.id,
          parentId: county.id,
          parentPath: county.path,
          code: `C${c}D${d}`,
          name: `第${c}旗部门${d}`,
          kind: 'county_dept',
        }),
      );
    }
  }
  const cats = [];
  for (let i = 0; i < 8; i++)
    cats.push(
      await insertCategory(db, {
        centreId: centre.id,
        parentId: null,
        parentPath: null,
        code: `K${i}`,
        name: `分类${i}`,
        level: 1,
      }),
    );
  const regions = [];
  for (let i = 0; i < 12; i++)
    regions.push(await insertRegion(db, { centreId: centre.id, parentId: null, code: `R${i}`, name: `区域${i}`, level: 1 }));
  const actor = async (role: Role, unit: { id: string; path: string }): Promise<Actor> => {
    const u = await insertUser(db, {
      centreId: centre.id,
      unitId: unit.id,
      username: `b_${role}`,
      displayName: role,
      passwordHash: '!',
      roles: [role],
    });
    return benchActor(centre.id, u.id, unit, role);
  };
  return {
    centreId: centre.id,
    depts,
    cats,
    regions,
    supervisor: await actor('supervisor', root),
    handler: await actor('unit_handler', depts[0]!),
  };
}

/** A few thousand texts segmented in Node, then multiplied to a million rows inside PostgreSQL. */
async function generate(database: Database, w: Awaited<ReturnType<typeof setup>>) {
  const db = database.db;
  const texts = generateTexts(TEXTS);
  await sql`create table bench_texts (i int primary key, title text, content text, address text, vec tsvector)`.execute(db);
  for (let b = 0; b < texts.length; b += 500) {
    const chunk = texts.slice(b, b + 500);
    await sql`insert into bench_texts (i, title, content, address, vec)
      select x.i, x.title, x.content, x.address,
        setweight(to_tsvector('simple', x.t), 'A') || setweight(to_tsvector('simple', x.c), 'D')
      from unnest(${chunk.map((_, k) => b + k)}::int[], ${chunk.map((t) => t.title)}::text[], ${chunk.map((t) => t.content)}::text[],
        ${chunk.map((t) => t.address)}::text[], ${chunk.map((t) => vectorSource(lexemes(t.title)))}::text[],
        ${chunk.map((t) => vectorSource(lexemes(`${t.content} ${t.address}`)))}::text[]) as x(i, title, content, address, t, c)`.execute(
      db,
    );
  }
  // Bulk load without the GIN index and the facet triggers; the facets are computed in the INSERT
  // (the same elements as order_search_facets(), checked on a sample below), the index built once after.
  await sql`drop index orders_search_facets_idx`.execute(db);
  await sql`alter table orders disable trigger orders_search_facets`.execute(db);
  await sql`alter table order_assignments disable trigger order_assignments_search_facets`.execute(db);
  const step = (DAYS * 86_400) / ORDERS;
  const units = w.depts.map((d) => d.id);
  const cats = w.cats.map((c) => c.id);
  const regions = w.regions.map((r) => r.id);
  const pathFacets = (prefix: string, path: string) =>
    sql`array(select ${prefix} || x from unnest(string_to_array(trim(both '/' from ${sql.raw(path)}), '/')) x)`;
  for (let from = 1; from <= ORDERS; from += 200_000) {
    const to = Math.min(ORDERS, from + 199_999);
    await sql`insert into orders (centre_id, order_no, query_code, channel, appeal_type, category_id, priority, title, content,
        caller_phone, region_id, address, state, lead_unit_id, dispatch_count, accepted_at, updated_at, search_vector, search_facets)
      select ${w.centreId}::uuid, 'B' || lpad(g::text, 9, '0'), 'q' || g, 'phone', 'complaint',
        k.category_id, 3, t.title, t.content,
        '139' || lpad((g % 200000)::text, 8, '0'), k.region_id, t.address, k.state, k.unit_id, 1, k.at, k.at, t.vec,
        array['s:' || k.state, 'w:' || floor(extract(epoch from k.at) / 604800)::bigint::text, 'r:' || k.region_id::text]
          || ${pathFacets('v:', 'u.path')} || ${pathFacets('l:', 'u.path')} || ${pathFacets('c:', 'c.path')}
      from generate_series(${from}::int, ${to}::int) g join bench_texts t on t.i = g % ${TEXTS}
      cross join lateral (select (${cats}::uuid[])[1 + g % ${cats.length}] as category_id,
        (${regions}::uuid[])[1 + g % ${regions.length}] as region_id,
        (array['accepted','dispatched','handling','replied','visiting','closed','closed'])[1 + g % 7] as state,
        (${units}::uuid[])[1 + g % ${units.length}] as unit_id,
        ${START.toISOString()}::timestamptz + g * ${step}::float8 * interval '1 second' as at) k
      join units u on u.id = k.unit_id join categories c on c.id = k.category_id`.execute(db);
  }
  await sql`insert into order_assignments (order_id, unit_id, role, assigned_at)
    select id, lead_unit_id, 'lead', accepted_at from orders where lead_unit_id is not null`.execute(db);
  await sql`alter table orders enable trigger orders_search_facets`.execute(db);
  await sql`alter table order_assignments enable trigger order_assignments_search_facets`.execute(db);
  const differ = await sql<{ n: number }>`select count(*)::int as n from (select * from orders tablesample system (1)) o
    where not (o.search_facets @> order_search_facets(o) and order_search_facets(o) @> o.search_facets)`.execute(db);
  if (differ.rows[0]!.n !== 0)
    throw new Error(`generated search facets differ from order_search_facets() in ${differ.rows[0]!.n} rows`);
  await sql`create index orders_search_facets_idx on orders using gin (search_vector, search_facets)`.execute(db);
  await sql`analyze`.execute(db);
}

/**
 * The query before ADR 0046 (visibility checked per row through order_assignments ⋈ units, filters as
 * sub-selects), as the baseline in the same run: the same 200-match windows, and its time.
 */
function perRowVisibilitySearch(db: Database['db'], scope: OrderScope, f: { query: string; state?: string; regionId?: string }) {
  let q = whereVisible(db.selectFrom('orders').select(['orders.id']), scope).where(
    sql<boolean>`orders.search_vector @@ ${f.query}::tsquery`,
  );
  if (f.state) q = q.where('orders.state', '=', f.state as OrderState);
  if (f.regionId) {
    const regionId = f.regionId;
    q = q.where('orders.region_id', 'in', (eb) =>
      eb
        .selectFrom('regions')
        .select('regions.id')
        .where((x) => x.or([x('regions.id', '=', regionId), x('regions.parent_id', '=', regionId)])),
    );
  }
  return q.orderBy('orders.accepted_at', 'desc').limit(RANK_WINDOW).execute();
}

async function compareWithPerRowVisibility(deps: Deps, w: Awaited<ReturnType<typeof loadSearchWorld>>, queries: string[]) {
  const scope = actorScope(w.handler);
  let same = 0;
  const before: number[] = [];
  const after: number[] = [];
  for (const q of queries) {
    const f = { query: allOf(queryLexemes(q))!, state: 'handling', regionId: w.regions[0]!.id };
    let t = performance.now();
    const old = await perRowVisibilitySearch(deps.db, scope, f);
    before.push(performance.now() - t);
    t = performance.now();
    const now = await searchOrders(deps.db, scope, {
      ...f,
      states: [f.state],
      now: deps.clock.now(),
      limit: RANK_WINDOW,
      offset: 0,
    });
    after.push(performance.now() - t);
    const a = old.map((r) => r.id).sort();
    const b = now.rows.map((r) => r.id).sort();
    if (a.length === b.length && a.every((id, i) => id === b[i])) same += 1;
  }
  before.sort((a, b) => a - b);
  after.sort((a, b) => a - b);
  line('  before: per-row visibility (same queries)', before);
  line('  after: facets in the GIN index (same queries)', after);
  console.log(
    `  ratio before/after p50 ${fmt(percentile(before, 50) / percentile(after, 50))}×; ` +
      `same 200-match windows: ${same}/${queries.length} ${same === queries.length ? 'YES' : 'NO'}`,
  );
}

async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown>) {
  const ms: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}

const line = (label: string, ms: number[], target?: number) =>
  console.log(
    `${label.padEnd(48)} p50 ${fmt(percentile(ms, 50)).padStart(7)} ms   p95 ${fmt(percentile(ms, 95)).padStart(7)} ms` +
      (target ? `   target p95 < ${target} ms: ${percentile(ms, 95) < target ? 'met' : 'NOT met'}` : ''),
  );

export const searchBench: BenchSection = {
  name: 'search',
  description: 'order search over 1,000,000 orders; duplicate lookup in a 30-day window of ~100,000 (PostgreSQL)',
  run: async () => {
    if (!(await serverAvailable())) {
      console.log('skipped: no PostgreSQL server (BENCH_DATABASE_URL)');
      return;
    }
    const reused = await existingBenchDatabase();
    const database = reused ?? (await freshBenchDatabase('postgres', DB_NAME));
    try {
      let t = performance.now();
      let w: Awaited<ReturnType<typeof setup>>;
      if (reused) {
        w = await loadSearchWorld(database.db);
        console.log(`reusing the ${ORDERS.toLocaleString()} generated orders in ${DB_NAME} (BENCH_SEARCH_REUSE=1)`);
      } else {
        w = await setup(database);
        await generate(database, w);
        const s = fmt((performance.now() - t) / 1000);
        console.log(`generated ${ORDERS.toLocaleString()} orders from ${TEXTS} segmented texts in ${s} s`);
      }
      const clock = new ManualClock(SEARCH_BENCH_END);
      const deps = { db: database.db, clock, dataDir: '', settings: defaultDomainSettings() };
      const queries = generateQueries(300);
      await timeEach(queries.slice(0, 20), (q) => searchOrdersFor(deps, w.supervisor, { q })); // warm-up
      const centre = await timeEach(queries.slice(20, 220), (q) => searchOrdersFor(deps, w.supervisor, { q }));
      line('search, whole centre (supervisor)', centre, 50);
      const unit = await timeEach(queries.slice(220, 300), (q) => searchOrdersFor(deps, w.handler, { q }));
      line('search, one unit subtree (unit handler)', unit, 50);
      const filtered = await timeEach(queries.slice(20, 120), (q) =>
        searchOrdersFor(deps, w.supervisor, { q, state: 'handling', regionId: w.regions[0]!.id }),
      );
      line('search + state + region filters', filtered, 50);
      const unitFiltered = await timeEach(queries.slice(120, 220), (q) =>
        searchOrdersFor(deps, w.handler, { q, state: 'handling', regionId: w.regions[0]!.id }),
      );
      line('search, unit handler + state + region filters', unitFiltered, 50);
      const unitStates = await timeEach(queries.slice(220, 300), (q) =>
        searchOrdersFor(deps, w.handler, { q, state: 'dispatched,handling', categoryId: w.cats[1]!.id }),
      );
      line('search, unit handler + 2 states + category', unitStates, 50);
      await compareWithPerRowVisibility(deps, w, queries.slice(120, 150));
      const scope = { centreId: w.centreId, unitPath: null };
      const like = await timeEach(['暖气', '噪音', '路灯'], (q) =>
        listOrders(database.db, scope, { text: q, limit: 20, offset: 0 }),
      );
      line('baseline: LIKE %word% (core list filter)', like);
      console.log(`ratio baseline/search p50: ${fmt(percentile(like, 50) / percentile(centre, 50))}×`);

      const r = rng(99);
      const texts = generateTexts(200, 4242);
      const probes = texts.map((x) => ({
        ...x,
        phone: `139${String(Math.floor(r() * 200000)).padStart(8, '0')}`,
        at: new Date(START.getTime() + (60 + r() * 230) * 86_400_000),
      }));
      const dupOf = (p: (typeof probes)[number]) =>
        findDuplicates(database.db, clock, {
          centreId: w.centreId,
          scope,
          probe: { title: p.title, content: p.content, callerPhone: p.phone, address: p.address },
          at: p.at,
        });
      await timeEach(probes.slice(0, 10), dupOf);
      const dup = await timeEach(probes, dupOf);
      const windowRows = await sql<{
        n: number;
      }>`select count(*)::int as n from orders where accepted_at >= ${new Date(probes[0]!.at.getTime() - 30 * 86_400_000)} and accepted_at < ${probes[0]!.at}`.execute(
        database.db,
      );
      line(`duplicate lookup, 30-day window (~${windowRows.rows[0]!.n.toLocaleString()} orders)`, dup, 20);
      t = performance.now();
      await sql`select count(*) from orders where accepted_at >= ${new Date(probes[0]!.at.getTime() - 30 * 86_400_000)} and accepted_at < ${probes[0]!.at} and content like ${'%暖气%'}`.execute(
        database.db,
      );
      const scan = performance.now() - t;
      console.log(
        `baseline: one LIKE scan of the window ${fmt(scan)} ms; ratio scan/lookup p50 ${fmt(scan / percentile(dup, 50))}×`,
      );
    } finally {
      await database.close();
    }
  },
};
