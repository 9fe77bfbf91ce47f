import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { defaultDomainSettings } from '../src/config/domain-settings.js';
import type { Database } from '../src/db/database.js';
import type { Unit } from '../src/db/schema.js';
import { listOrdersFor } from '../src/orders/order-query.service.js';
import type { OrderListQuery } from '../src/orders/order.schemas.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import { ManualClock } from '../src/shared/clock.js';
import type { Deps } from '../src/shared/deps.js';
import type { Actor } from '../src/users/roles.js';
import { fmt, freshBenchDatabase, percentile, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

// Sub-centres (ADR 0110): the order list of a sub-centre's dispatcher over 1,000,000 orders on
// PostgreSQL (target p95 < 50 ms), with the league dispatcher's list as the baseline in the same run,
// and the same sub-centre list again without migration 0600's desk indexes.
const ORDERS = 1_000_000;
const DESKS = 13;
const DAYS = 300;
const START = new Date('2025-01-01T00:00:00Z');
const END = new Date(START.getTime() + DAYS * 86_400_000);
const RUNS = 60;
const DESK_INDEXES = [
  'orders_desk_accepted_idx',
  'orders_desk_deadline_asc_idx',
  'orders_desk_deadline_desc_idx',
  'orders_desk_updated_idx',
  'orders_desk_state_deadline_idx',
];

/** The queues a dispatcher opens: 待派单 by nearest deadline, returns, extensions, the whole list newest first, page 3. */
const QUERIES: OrderListQuery[] = [
  { state: 'accepted', sort: 'deadline', limit: 20 },
  { state: 'return_requested', sort: 'deadline', limit: 20 },
  { state: 'extension_requested', sort: 'deadline', limit: 20 },
  { sort: 'accepted', limit: 50 },
  { sort: 'accepted', limit: 50, offset: 100 },
];

async function setup(database: Database) {
  const db = database.db;
  const centre = await insertCentre(db, { code: 'bdesk', name: '分中心压测' });
  const add = (parent: Unit | null, code: string, name: string, kind: Unit['kind']) =>
    insertUnit(db, { centreId: centre.id, parentId: parent?.id ?? null, parentPath: parent?.path ?? null, code, name, kind });
  const root = await add(null, 'U0', '盟中心', 'centre');
  const desks: Unit[] = [];
  const depts: Unit[] = [];
  for (let i = 0; i < DESKS; i++) {
    const county = await add(root, `C${i}`, `第${i}旗`, 'county');
    desks.push(await add(county, `C${i}S`, `第${i}旗12345分中心`, 'sub_centre'));
    for (let d = 0; d < 4; d++) depts.push(await add(county, `C${i}D${d}`, `第${i}旗部门${d}`, 'county_dept'));
  }
  const dispatcher = (unit: Unit, deskUnitId: string | null): Actor => ({
    kind: 'user',
    userId: null,
    centreId: centre.id,
    unitId: unit.id,
    unitPath: unit.path,
    roles: ['dispatcher'],
    label: 'bench',
    deskUnitId,
  });
  return { centreId: centre.id, desks, depts, league: dispatcher(root, null), sub: dispatcher(desks[0]!, desks[0]!.id) };
}

/** A million orders in PostgreSQL: one in 14 held by the league, the rest spread over the 13 desks. */
async function generate(database: Database, w: Awaited<ReturnType<typeof setup>>) {
  const db = database.db;
  await sql`alter table orders disable trigger orders_search_facets`.execute(db);
  const step = (DAYS * 86_400) / ORDERS;
  const desks = w.desks.map((d) => d.id);
  const depts = w.depts.map((d) => d.id);
  for (let from = 1; from <= ORDERS; from += 200_000) {
    const to = Math.min(ORDERS, from + 199_999);
    await sql`insert into orders (centre_id, order_no, query_code, channel, appeal_type, priority, title, content, state,
        lead_unit_id, desk_unit_id, accepted_at, updated_at, deadline_due_at, deadline_warn_at)
      select ${w.centreId}::uuid, 'D' || lpad(g::text, 9, '0'), 'q' || g, 'phone', 'complaint', 3, '压测工单', '压测内容', k.state,
        case when k.state = 'accepted' then null else (${depts}::uuid[])[1 + g % ${depts.length}] end,
        case when g % 14 = 0 then null else (${desks}::uuid[])[1 + g % ${desks.length}] end,
        k.at, k.at, k.at + interval '1 day', k.at + interval '20 hours'
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select ${START.toISOString()}::timestamptz + g * ${step}::float8 * interval '1 second' as at,
        (array['accepted','dispatched','handling','replied','visiting','closed','closed','closed','closed','closed',
               'return_requested','extension_requested','closed','closed'])[1 + (g / 14) % 14] as state) k`.execute(db);
  }
  await sql`alter table orders enable trigger orders_search_facets`.execute(db);
  // what autovacuum does on a live server after a load: statistics and the visibility map (index-only scans)
  await sql`vacuum analyze orders`.execute(db);
}

async function timeLists(deps: Deps, actor: Actor) {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      await listOrdersFor(deps, actor, q);
      ms.push(performance.now() - t);
    }
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length };
}

const line = (label: string, r: { p50: number; p95: number; n: number }) =>
  console.log(`  ${label.padEnd(44)} p50 ${fmt(r.p50).padStart(6)} ms   p95 ${fmt(r.p95).padStart(6)} ms   (${r.n} lists)`);

export const deskListBench: BenchSection = {
  name: 'desks',
  description: 'order list of a sub-centre dispatcher over 1,000,000 orders (PostgreSQL), league list as baseline',
  async run() {
    if (!(await serverAvailable())) {
      console.log('  PostgreSQL not reachable: skipped');
      return;
    }
    const database = await freshBenchDatabase('postgres', 'lianxin_bench_desks');
    try {
      const w = await setup(database);
      const started = performance.now();
      await generate(database, w);
      console.log(`  generated ${ORDERS.toLocaleString('en')} orders in ${fmt((performance.now() - started) / 1000)} s`);
      const deps: Deps = {
        db: database.db,
        clock: new ManualClock(END),
        dataDir: os.tmpdir(),
        settings: defaultDomainSettings(),
      };
      const held = await database.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('desk_unit_id', '=', w.desks[0]!.id)
        .executeTakeFirstOrThrow();
      console.log(
        `  the sub-centre holds ${Number(held.n).toLocaleString('en')} orders; queues: ${QUERIES.map((q) => q.state ?? `all/${q.offset ?? 0}`).join(', ')}`,
      );
      for (const actor of [w.sub, w.league]) await timeLists(deps, actor); // warm the cache
      const sub = await timeLists(deps, w.sub);
      const league = await timeLists(deps, w.league);
      line('sub-centre dispatcher (desk indexes)', sub);
      line('league dispatcher (baseline)', league);
      for (const name of DESK_INDEXES) await sql`drop index ${sql.ref(name)}`.execute(database.db);
      await sql`analyze orders`.execute(database.db);
      await timeLists(deps, w.sub);
      line('sub-centre dispatcher without desk indexes', await timeLists(deps, w.sub));
      const load = os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ');
      console.log(`  target p95 < 50 ms: ${sub.p95 < 50 ? 'met' : 'NOT met'}; load average ${load} on ${os.cpus().length} cores`);
    } finally {
      await database.close();
    }
  },
};
