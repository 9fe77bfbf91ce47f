import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createApiClient, issueApiKey } from '../src/apiclients/api-client.service.js';
import { loadConfig } from '../src/config/config.js';
import { domainSettings } from '../src/config/domain-settings.js';
import { composeDeps } from '../src/composition.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import type { Clock } from '../src/shared/clock.js';
import { hashPassword } from '../src/users/password.js';
import { setCentreMfaRoles } from '../src/users/totp.repository.js';
import { insertUser } from '../src/users/user.repository.js';
import { BENCH_SERVER_URL, fmt, freshBenchDatabase, percentile, serverAvailable } from './bench-db.js';
import type { Open311ClientJob, Open311ClientResult } from './open311-client.js';
import type { BenchSection } from './run.js';

/**
 * Open311 GeoReport v2 (issue 17, ADR 0181) over real HTTP on loopback, with an API client's key:
 * - `GET requests` over 1,000,000 orders of one centre on PostgreSQL (PGlite: 100,000, see below) with
 *   the filters clients send (the default 90-day window, service_code lists, status, a poll of the last
 *   hour, ids), and `GET requests/{id}`; target p95 < 50 ms. The console's order list (50 newest) is the
 *   baseline in the same run.
 * - `POST requests` vs the console intake (POST /api/orders): the same number of the same appeals
 *   through both doors, alternating rounds, in the same run; rates and their ratio.
 * The HTTP clients run in their own process (bench/open311-client.ts).
 *
 * 1,000,000 orders over 365 days (≈ 2,740 a day, ≈ 246,000 in the default window) under a catalogue of
 * 20 × 10 × 4 = 800 services (skewed: the top 1 % of services take a fifth of the orders, the rarest
 * ~0.04 % each), 3 % confidential (never listed), one in 20 from the API client, one reply deadline
 * each. PGlite (in memory, one WASM process) holds 100,000 (set-based inserts of 1,000,000 rows and
 * their ~30 indexes there take far longer than the bench's budget and ~2 GB): the same shape over 365
 * days, so its 90-day window holds ≈ 24,600. BENCH_OPEN311_ORDERS changes the PostgreSQL count;
 * BENCH_OPEN311_REUSE=1 reuses the generated PostgreSQL database of an earlier run.
 */
const PG_ORDERS = Number(process.env.BENCH_OPEN311_ORDERS ?? 1_000_000);
const PGLITE_ORDERS = 100_000;
const DAYS = 365;
const RUNS = 60;
const TOPS = 20;
const MIDS = 10;
const LEAVES = 4;
const UNITS = 30;
const POST_ROUNDS = 3;
const POST_PER_ROUND = 300;
const POST_CLIENTS = 8;
const DB_NAME = 'lianxin_bench_open311';
const CENTRE = 'bo311';
const PASSWORD = 'Bench@12345';

const CONTENTS = [
  '小区楼下路灯已经坏了一个多月，晚上出行很不方便，请尽快修复。',
  '家中暖气温度只有十五度，老人孩子受冻，多次联系热力公司未解决，请尽快处理。',
  '附近工地夜间施工噪音很大，影响休息，请相关部门查处。',
  '路边井盖缺失，存在安全隐患，请尽快补上。我的电话13812345678，可随时联系。',
  '小区物业不作为，垃圾堆放多日无人清理，气味难闻。',
  '公交站牌信息过时，线路调整后没有更新，给乘客带来不便。',
  '商户占道经营，人行道被堵，行人只能走机动车道。',
  '自来水水质发黄，已经持续三天，请供水公司检测。',
  '反映单位拖欠工资三个月，身份证号150102198801011234，请劳动监察部门处理。',
  '建议在学校门口增设减速带和人行横道信号灯。',
];

interface Seeded {
  centreId: string;
  leafCodes: string[];
  leafIds: string[];
  end: Date;
  orders: number;
}

/** The centre, its units, a three-level catalogue of 800 services, an operator and a dispatcher. */
async function seedCatalogue(database: Database) {
  const db = database.db;
  const centre = await insertCentre(db, { code: CENTRE, name: '开放接口压测中心' });
  await setCentreMfaRoles(db, centre.id, []);
  const root = await insertUnit(db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'U0',
    name: '中心',
    kind: 'centre',
  });
  await sql`insert into units (id, centre_id, parent_id, code, name, kind, path)
    select x.id, ${centre.id}::uuid, ${root.id}::uuid, 'D' || x.g, '承办单位' || x.g, 'county_dept', ${root.path} || x.id || '/'
    from (select gen_random_uuid() as id, g from generate_series(1, ${UNITS}) g) x`.execute(db);
  // Three levels: 20 top, 10 under each, 4 leaves under each of those (the leaves are the services).
  await sql`with top as (
      insert into categories (id, centre_id, parent_id, code, name, level, path)
      select x.id, ${centre.id}::uuid, null, 'T' || lpad(x.g::text, 2, '0'), '大类' || x.g, 1, '/' || x.id || '/'
      from (select gen_random_uuid() as id, g from generate_series(1, ${TOPS}) g) x returning id, code, path),
    mid as (
      insert into categories (id, centre_id, parent_id, code, name, level, path)
      select x.id, ${centre.id}::uuid, x.top_id, x.code || lpad(x.g::text, 2, '0'), '中类' || x.code || '-' || x.g, 2, x.path || x.id || '/'
      from (select gen_random_uuid() as id, top.id as top_id, top.code, top.path, g from top, generate_series(1, ${MIDS}) g) x
      returning id, code, path)
    insert into categories (id, centre_id, parent_id, code, name, level, path, aliases)
    select x.id, ${centre.id}::uuid, x.mid_id, x.code || x.g, '小类' || x.code || '-' || x.g, 3, x.path || x.id || '/',
      array['别名' || x.code || x.g]
    from (select gen_random_uuid() as id, mid.id as mid_id, mid.code, mid.path, g from mid, generate_series(1, ${LEAVES}) g) x`.execute(
    db,
  );
  const leaves = await sql<{ id: string; code: string }>`select id, code from categories
    where centre_id = ${centre.id} and level = 3 order by code`.execute(db);
  for (const [username, role] of [
    ['bench_operator', 'operator'],
    ['bench_dispatcher', 'dispatcher'],
  ] as const) {
    await insertUser(db, {
      centreId: centre.id,
      unitId: root.id,
      username,
      displayName: username,
      passwordHash: await hashPassword(PASSWORD),
      roles: [role],
    });
  }
  return { centreId: centre.id, leafIds: leaves.rows.map((r) => r.id), leafCodes: leaves.rows.map((r) => r.code) };
}

/**
 * `n` orders ending at `end`, set-based (INSERT … SELECT generate_series, in chunks), then one reply
 * deadline each (running while open, met once closed) and the Open311 rows of the client's orders.
 */
async function seedOrders(database: Database, centreId: string, clientId: string, n: number, end: Date) {
  const db = database.db;
  const step = (DAYS * 86_400) / n;
  const units = await sql<{ id: string }>`select id from units where centre_id = ${centreId} and kind = 'county_dept'`.execute(
    db,
  );
  const unitIds = units.rows.map((r) => r.id);
  const leaves = await sql<{
    id: string;
  }>`select id from categories where centre_id = ${centreId} and level = 3 order by code`.execute(db);
  const leafIds = leaves.rows.map((r) => r.id);
  await sql`alter table orders disable trigger orders_search_facets`.execute(db);
  const chunk = 100_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    // g = n is the newest. u: a fixed pseudo-random number in [0,1) per order; the service is
    // leaf[⌊800·u³⌋] (skewed towards the first services). States by age: a month on, nearly all closed.
    await sql`insert into orders (centre_id, order_no, query_code, channel, appeal_type, category_id, priority, title,
        content, caller_name, caller_phone, caller_confidential, address, lat, lng, state, lead_unit_id, dispatch_count,
        accepted_at, updated_at, closed_at, api_client_id)
      select ${centreId}::uuid, 'K' || lpad(g::text, 9, '0'), 'q' || g, case when g % 20 = 0 then 'open_api' else 'phone' end,
        (array['complaint','consult','help','report','suggestion'])[1 + g % 5], k.category_id, 3,
        left(k.content, 20), k.content, '王女士', '139' || lpad(g::text, 8, '0'), g % 33 = 0,
        case when g % 4 <> 0 then '锡林浩特市额尔敦路' || (g % 300) || '号' || (1 + g % 7) || '单元' end,
        case when g % 5 < 3 then 43.9 + (g % 997) / 10000.0 end,
        case when g % 5 < 3 then 116.0 + (g % 991) / 10000.0 end,
        k.state, k.unit_id, 1, k.at,
        case when k.state in ('closed', 'invalid') then k.closed_at else least(k.at + interval '1 day', ${end.toISOString()}::timestamptz) end,
        case when k.state in ('closed', 'invalid') then k.closed_at end,
        case when g % 20 = 0 then ${clientId}::uuid end
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select ((g::bigint * 2654435761) % 4294967296)::float8 / 4294967296 as u,
        ${end.toISOString()}::timestamptz - (${n} - g) * ${step}::float8 * interval '1 second' as at,
        (${n} - g) * ${step}::float8 / 86400 as age) h
      cross join lateral (select
        (${leafIds}::uuid[])[1 + floor(${leafIds.length} * h.u * h.u * h.u)::int] as category_id,
        (${unitIds}::uuid[])[1 + g % ${unitIds.length}] as unit_id,
        (${CONTENTS}::text[])[1 + g % ${CONTENTS.length}] as content,
        h.at,
        least(h.at + (1 + g % 9) * interval '1 day', ${end.toISOString()}::timestamptz) as closed_at,
        case when h.age > 30 then (case when g % 50 = 0 then 'handling' when g % 97 = 0 then 'invalid' else 'closed' end)
             when h.age > 5 then (array['closed','closed','closed','closed','closed','closed','replied','visiting','handling','dispatched'])[1 + g % 10]
             else (array['accepted','dispatched','handling','handling','handling','replied','visiting','closed','dispatched','handling'])[1 + g % 10]
        end as state) k`.execute(db);
  }
  await sql`alter table orders enable trigger orders_search_facets`.execute(db);
  await sql`insert into order_deadlines (order_id, centre_id, stage, status, unit_id, amount, unit, clock, started_at,
      due_at, original_due_at, warn_at)
    select id, centre_id, 'reply', case when closed_at is null then 'running' else 'met' end, lead_unit_id, 15,
      'working_days', 'working', accepted_at, accepted_at + interval '21 days', accepted_at + interval '21 days',
      accepted_at + interval '18 days'
    from orders where centre_id = ${centreId}`.execute(db);
  await sql`insert into open311_requests (order_id, api_client_id, attributes, media_url)
    select id, api_client_id, '{}', case when random() < 0.3 then 'https://img.example.org/' || order_no || '.jpg' end
    from orders where api_client_id = ${clientId}`.execute(db);
  // What autovacuum does on a live server after a load: statistics and the visibility map.
  await sql`vacuum analyze orders`.execute(db);
  await sql`vacuum analyze order_deadlines`.execute(db);
  await sql`vacuum analyze open311_requests`.execute(db);
}

/** The reused PostgreSQL database of an earlier run (BENCH_OPEN311_REUSE=1), when it holds the orders. */
async function reusedDatabase(n: number): Promise<Database | undefined> {
  if (process.env.BENCH_OPEN311_REUSE !== '1') return undefined;
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${DB_NAME}`;
  try {
    const database = await openDatabase({ url: url.toString(), poolSize: 20 });
    await migrateToLatest(database.db);
    const r = await sql<{ n: number }>`select count(*)::int as n from orders o join centres c on c.id = o.centre_id
      where c.code = ${CENTRE} and o.order_no like 'K%'`.execute(database.db);
    if (r.rows[0]?.n === n) return database;
    console.log(`  ${DB_NAME} holds ${r.rows[0]?.n ?? 0} generated orders, not ${n}: generating again`);
    await database.close();
  } catch (e) {
    // Not there yet (or not migratable): generate, saying why (a silent fallback costs ~10 minutes).
    console.log(`  ${DB_NAME} not reused (${(e as Error).message.split('\n')[0]}): generating`);
  }
  return undefined;
}

async function seeded(database: Database, n: number, reused: boolean): Promise<Seeded & { apiKey: string; newest: Date }> {
  const db = database.db;
  if (!reused) {
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const cat = await seedCatalogue(database);
    // The deps of the client's creation only need the database and a clock.
    const deps = composeDeps({ db, clock: { now: () => new Date() }, dataDir: '', settings: domainSettings(loadConfig({})) });
    const { client } = await createApiClient(deps, null, cat.centreId, {
      name: '压测开放接口',
      channel: 'open_api',
      scopes: ['submit', 'read'],
      ratePerMinute: 100_000,
    });
    const t = performance.now();
    await seedOrders(database, cat.centreId, client.id, n, end);
    console.log(`  ${n.toLocaleString('en')} orders generated in ${fmt((performance.now() - t) / 1000)} s`);
  }
  const centre = await sql<{ id: string }>`select id from centres where code = ${CENTRE}`.execute(db);
  const centreId = centre.rows[0]!.id;
  const leaves = await sql<{ id: string; code: string }>`select id, code from categories
    where centre_id = ${centreId} and level = 3 order by code`.execute(db);
  // The generated period ends at `end`; the server's clock starts after the newest order of all (a reused
  // database also holds the appeals posted by earlier runs).
  const last = await sql<{ end: Date; newest: Date }>`select max(accepted_at) filter (where order_no like 'K%') as end,
    max(accepted_at) as newest from orders where centre_id = ${centreId}`.execute(db);
  const clientRow = await sql<{ id: string }>`select id from api_clients where centre_id = ${centreId}`.execute(db);
  // A new key each run (the key is shown once; older keys of earlier runs stay valid).
  const deps = composeDeps({ db, clock: { now: () => new Date() }, dataDir: '', settings: domainSettings(loadConfig({})) });
  const issued = await issueApiKey(deps, null, centreId, clientRow.rows[0]!.id, `bench ${new Date().toISOString()}`);
  return {
    centreId,
    leafIds: leaves.rows.map((r) => r.id),
    leafCodes: leaves.rows.map((r) => r.code),
    end: new Date(last.rows[0]!.end),
    newest: new Date(last.rows[0]!.newest),
    orders: n,
    apiKey: issued.key,
  };
}

/** The server's clock runs on from a minute after `start` (reused data stays "current"). */
const clockFrom = (start: Date): Clock => {
  const offset = Date.now() - start.getTime() - 60_000;
  return { now: () => new Date(Date.now() - offset) };
};

function clientProcess() {
  const child: ChildProcess = fork(fileURLToPath(new URL('./open311-client.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
  });
  const run = (job: Open311ClientJob) =>
    new Promise<Open311ClientResult>((resolve, reject) => {
      child.once('message', (m: { ok: boolean; result?: Open311ClientResult; error?: string }) =>
        m.ok ? resolve(m.result!) : reject(new Error(m.error)),
      );
      child.send(job);
    });
  return { run, kill: () => child.kill() };
}

/** CPU of this process (the server; with PGlite, the database too) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

const line = (kind: string, label: string, r: Open311ClientResult, extra = '') =>
  console.log(
    `  ${kind.padEnd(8)} ${label.padEnd(58)} p50 ${fmt(percentile(r.sorted, 50)).padStart(6)} ms   p95 ${fmt(percentile(r.sorted, 95)).padStart(6)} ms${extra}`,
  );

async function measure(kind: 'pglite' | 'postgres') {
  const n = kind === 'postgres' ? PG_ORDERS : PGLITE_ORDERS;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-open311-'));
  const reused = kind === 'postgres' ? await reusedDatabase(n) : undefined;
  const database = reused ?? (await freshBenchDatabase(kind, DB_NAME));
  const client = clientProcess();
  try {
    if (reused) console.log(`  ${kind}: reusing the ${n.toLocaleString('en')} generated orders in ${DB_NAME}`);
    const w = await seeded(database, n, reused !== undefined);
    const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', LIANXIN_SESSION_IDLE_MINUTES: '0' });
    const deps = composeDeps({ db: database.db, clock: clockFrom(w.newest), dataDir, settings: domainSettings(config) });
    const app = await buildApp({ deps, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = async (username: string) => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD, bearer: true }),
      });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { token: string }).token;
    };
    try {
      const inWindow = await sql<{ n: number }>`select count(*)::int as n from orders
        where centre_id = ${w.centreId} and not caller_confidential and accepted_at >= ${new Date(w.end.getTime() - 90 * 86_400_000)}`.execute(
        database.db,
      );
      console.log(
        `  ${kind}: ${n.toLocaleString('en')} orders over ${DAYS} days, ${inWindow.rows[0]!.n.toLocaleString('en')} listable in the default 90-day window; ${w.leafCodes.length} services; load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
      const q = (params: Record<string, string>, format = 'json') =>
        `${base}/open311/v2/requests.${format}?${new URLSearchParams({ jurisdiction_id: CENTRE, api_key: w.apiKey, ...params }).toString()}`;
      const codes = w.leafCodes;
      const iso = (ms: number) => new Date(w.end.getTime() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const day = 86_400_000;
      // Request ids to read one by one: spread over the whole period, none confidential.
      const ids = await sql<{ order_no: string }>`select order_no from orders where centre_id = ${w.centreId}
        and not caller_confidential and order_no like 'K%' order by md5(order_no) limit 200`.execute(database.db);
      const one = ids.rows.map(
        (r) => `${base}/open311/v2/requests/${r.order_no}.json?jurisdiction_id=${CENTRE}&api_key=${w.apiKey}`,
      );
      const cases: [string, string[]][] = [
        ['GET requests: default (last 90 days, newest 1,000), JSON', [q({})]],
        ['GET requests: default, XML', [q({}, 'xml')]],
        ['GET requests: status=open', [q({ status: 'open' })]],
        ['GET requests: status=closed', [q({ status: 'closed' })]],
        // A busy, a middling and a rare service together, with a status.
        [
          'GET requests: 3 service_codes (busy, mid, rare) + status=open',
          [q({ service_code: `${codes[0]},${codes[200]},${codes[790]}`, status: 'open' })],
        ],
        ['GET requests: 2 rare service_codes', [q({ service_code: `${codes[700]},${codes[799]}` })]],
        ['GET requests: 1 busy service_code, status=closed', [q({ service_code: codes[1]!, status: 'closed' })]],
        [
          'GET requests: 30 days 200 days ago + 2 codes + status=closed',
          [
            q({
              start_date: iso(230 * day),
              end_date: iso(200 * day),
              service_code: `${codes[5]},${codes[400]}`,
              status: 'closed',
            }),
          ],
        ],
        // FixMyStreet's fetch asks for a start and an end: the generated period's last hour.
        ['GET requests: one hour by start_date + end_date (a poll)', [q({ start_date: iso(3_600_000), end_date: iso(0) })]],
        [
          'GET requests: 20 service_request_ids',
          [
            q({
              service_request_id: ids.rows
                .slice(0, 20)
                .map((r) => r.order_no)
                .join(','),
            }),
          ],
        ],
        ['GET requests/{id}: one request (200 different ids)', one],
      ];
      const results: number[] = [];
      for (const [, urls] of cases) await client.run({ kind: 'get', urls, runs: 3 }); // warm the caches
      for (const [label, urls] of cases) {
        const runs = urls.length > 1 ? Math.max(RUNS, 100) : RUNS;
        const cpu = process.cpuUsage();
        const r = await client.run({ kind: 'get', urls, runs });
        results.push(percentile(r.sorted, 95));
        const size = label.startsWith('GET requests/{id}') ? '' : `, ${fmt(r.bytes[0]! / 1024, 0)} KB`;
        line(kind, label, r, `   server CPU ${fmt(cpuMs(cpu) / runs)} ms/request${size}`);
      }
      const dispatcher = await login('bench_dispatcher');
      const baselineCpu = process.cpuUsage();
      const baseline = await client.run({
        kind: 'get',
        urls: [`${base}/api/orders?limit=50&sort=accepted`],
        runs: RUNS,
        headers: { authorization: `Bearer ${dispatcher}` },
      });
      line(
        kind,
        'baseline: console order list, 50 newest (GET /api/orders)',
        baseline,
        `   server CPU ${fmt(cpuMs(baselineCpu) / RUNS)} ms/request`,
      );
      const worst = Math.max(...results);
      console.log(
        `  ${kind}: worst GET p95 ${fmt(worst)} ms over ${n.toLocaleString('en')} orders [target < 50 ms] ${worst < 50 ? 'met' : 'NOT met'}`,
      );

      // POST requests vs the console intake: the same appeals, the same count, alternating rounds.
      const operator = await login('bench_operator');
      const service = { code: codes[300]!, id: w.leafIds[300]! };
      const post = (p: 'open311' | 'console', count: number, first: number) =>
        client.run({
          kind: 'post',
          path: p,
          base,
          count,
          clients: POST_CLIENTS,
          first,
          auth:
            p === 'open311'
              ? { apiKey: w.apiKey, jurisdiction: CENTRE, serviceCode: service.code }
              : { token: operator, categoryId: service.id },
        });
      const firstNo = 50_000_000 + Math.floor(Math.random() * 10_000_000);
      await post('open311', 20, firstNo); // warm-up
      await post('console', 20, firstNo + 100);
      const totals = {
        open311: { n: 0, s: 0, cpu: 0, sorted: [] as number[] },
        console: { n: 0, s: 0, cpu: 0, sorted: [] as number[] },
      };
      for (let round = 0; round < POST_ROUNDS; round++) {
        for (const p of round % 2 === 0 ? (['console', 'open311'] as const) : (['open311', 'console'] as const)) {
          const cpu = process.cpuUsage();
          const r = await post(p, POST_PER_ROUND, firstNo + 1000 + round * 10_000 + (p === 'open311' ? 5000 : 0));
          totals[p].cpu += cpuMs(cpu);
          totals[p].n += r.sorted.length;
          totals[p].s += r.seconds;
          totals[p].sorted.push(...r.sorted);
        }
      }
      const rate = (t: { n: number; s: number }) => t.n / t.s;
      for (const p of ['console', 'open311'] as const) {
        const t = totals[p];
        t.sorted.sort((a, b) => a - b);
        console.log(
          `  ${kind.padEnd(8)} ${(p === 'open311' ? 'POST /open311/v2/requests.json (form, API key)' : 'POST /api/orders (console intake, bearer)').padEnd(58)} ${fmt(rate(t), 0).padStart(5)} appeals/s  (${t.n} appeals, ${POST_CLIENTS} clients; p50 ${fmt(percentile(t.sorted, 50))} ms, p95 ${fmt(percentile(t.sorted, 95))} ms; server CPU ${fmt(t.cpu / t.n)} ms/appeal)`,
        );
      }
      console.log(
        `  ${kind}: Open311 POST at ${fmt((rate(totals.open311) / rate(totals.console)) * 100)} % of the console intake's rate; load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    client.kill();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const open311Bench: BenchSection = {
  name: 'open311',
  description:
    'Open311 GET requests over 1,000,000 orders (p95 < 50 ms; PGlite 100,000), GET one, POST requests vs the console intake',
  async run() {
    // BENCH_OPEN311_ONLY=postgres or pglite runs only that one.
    const only = process.env.BENCH_OPEN311_ONLY;
    if (only !== 'postgres') await measure('pglite');
    if (only === 'pglite') return;
    if (await serverAvailable()) await measure('postgres');
    else console.log('  PostgreSQL not reachable: PGlite only');
  },
};
