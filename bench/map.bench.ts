import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { domainSettings } from '../src/config/domain-settings.js';
import { composeDeps } from '../src/composition.js';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import { ManualClock } from '../src/shared/clock.js';
import { hashPassword } from '../src/users/password.js';
import { setCentreMfaRoles } from '../src/users/totp.repository.js';
import { insertUser } from '../src/users/user.repository.js';
import { fmt, freshBenchDatabase, latencyOf, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

// Orders on the map (issue 18, ADR 0187): GET /api/orders/map through HTTP (session, validation,
// queries, serialisation — what the browser waits for) over 100,000 orders with points in one county,
// target p95 < 200 ms; the dispatcher's order list (GET /api/orders, 50 newest) is the baseline in
// the same run. Both databases: the embedded PGlite (the default) and PostgreSQL when reachable.
const ORDERS = 100_000;
const RUNS = 40;
const END = new Date('2025-06-01T00:00:00Z');
// A county the size of 锡林浩特市's surroundings: 1.5° × 1°, orders crowded around three towns.
const COUNTY = { minLng: 115.5, minLat: 43.5, maxLng: 117.0, maxLat: 44.5 };
const TOWN = '116.05,43.9,116.15,43.98';
const PASSWORD = 'Bench@12345';

export async function seedMapOrders(database: Database) {
  const db = database.db;
  const centre = await insertCentre(db, { code: 'bmap', name: '地图压测' });
  await setCentreMfaRoles(db, centre.id, []);
  const root = await insertUnit(db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'U0',
    name: '中心',
    kind: 'centre',
  });
  await insertUser(db, {
    centreId: centre.id,
    unitId: root.id,
    username: 'benchdispatcher',
    displayName: '压测派单员',
    passwordHash: await hashPassword(PASSWORD),
    roles: ['dispatcher'],
  });
  await sql`alter table orders disable trigger orders_search_facets`.execute(db);
  const { minLng, minLat, maxLng, maxLat } = COUNTY;
  for (let from = 1; from <= ORDERS; from += 25_000) {
    const to = Math.min(ORDERS, from + 24_999);
    // Half spread over the county, half in three towns (a normal-ish cluster each); nine in ten open.
    await sql`insert into orders (centre_id, order_no, query_code, channel, appeal_type, priority, title, content, state,
        accepted_at, updated_at, deadline_due_at, lat, lng)
      select ${centre.id}::uuid, 'M' || lpad(g::text, 9, '0'), 'q' || g, 'phone', 'complaint', 3, '压测工单 ' || g, '压测内容', k.state,
        k.at, k.at, k.at + interval '5 days',
        case when g % 2 = 0 then ${minLat}::float8 + random() * ${maxLat - minLat}::float8
             else (array[43.95, 44.2, 43.7])[1 + g % 3] + (random() + random() + random() - 1.5) * 0.05 end,
        case when g % 2 = 0 then ${minLng}::float8 + random() * ${maxLng - minLng}::float8
             else (array[116.1, 115.8, 116.6])[1 + g % 3] + (random() + random() + random() - 1.5) * 0.07 end
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select ${END.toISOString()}::timestamptz - g * interval '4 minutes' as at,
        (array['accepted','dispatched','handling','handling','replied','visiting','handling','dispatched','accepted','closed'])[1 + g % 10] as state) k`.execute(
      db,
    );
  }
  await sql`alter table orders enable trigger orders_search_facets`.execute(db);
  // What autovacuum does on a live server after a load: statistics and the visibility map.
  await sql`vacuum analyze orders`.execute(db);
}

async function measure(kind: 'pglite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-map-'));
  const database = await freshBenchDatabase(kind, 'lianxin_bench_map');
  try {
    const started = performance.now();
    await seedMapOrders(database);
    console.log(
      `  ${kind}: ${ORDERS.toLocaleString('en')} orders with points seeded in ${fmt((performance.now() - started) / 1000)} s`,
    );
    const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, LIANXIN_SESSION_IDLE_MINUTES: '0' });
    const deps = composeDeps({ db: database.db, clock: new ManualClock(END), dataDir, settings: domainSettings(config) });
    const app = await buildApp({ deps, config });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'benchdispatcher', password: PASSWORD },
    });
    const cookie = `lianxin_session=${login.cookies.find((c) => c.name === 'lianxin_session')!.value}`;
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      return r;
    };
    const county = `/api/orders/map?bbox=${COUNTY.minLng},${COUNTY.minLat},${COUNTY.maxLng},${COUNTY.maxLat}`;
    const sample = (await get(county)).json() as { points: unknown[]; total: number; more: number };
    const bytes = (await get(county)).rawPayload.length;
    console.log(
      `  county box: ${sample.points.length.toLocaleString('en')} points answered, ${sample.total.toLocaleString('en')} matching (${sample.more.toLocaleString('en')} in the density bins only), ${fmt(bytes / 1024)} KB of JSON`,
    );
    const cases: [string, string][] = [
      ['map: county box, 1,000 newest points + 32×32 bins', county],
      ['map: county box with counts by region (the wall)', `${county}&regionCounts=true&limit=800`],
      ['map: a town zoomed in', `/api/orders/map?bbox=${TOWN}`],
      ['baseline: order list, 50 newest', '/api/orders?limit=50&sort=accepted'],
    ];
    for (const [, url] of cases) await latencyOf(() => get(url), 5); // warm the caches
    const results = [];
    for (const [label, url] of cases) {
      const r = await latencyOf(() => get(url), RUNS);
      results.push(r);
      console.log(`  ${kind.padEnd(8)} ${label.padEnd(52)} p50 ${fmt(r.p50).padStart(7)} ms   p95 ${fmt(r.p95).padStart(7)} ms`);
    }
    await app.close();
    return results[0]!.p95;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const mapBench: BenchSection = {
  name: 'map',
  description: 'GET /api/orders/map over 100,000 orders with points in a county (p95 < 200 ms), the order list as baseline',
  async run() {
    const p95 = [await measure('pglite')];
    if (await serverAvailable()) p95.push(await measure('postgres'));
    else console.log('  PostgreSQL not reachable: PGlite only');
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ');
    const worst = Math.max(...p95);
    console.log(
      `  target p95 < 200 ms (county box): ${worst < 200 ? 'met' : 'NOT met'}; load average ${load} on ${os.cpus().length} cores`,
    );
  },
};
