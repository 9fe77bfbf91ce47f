// `npx tsx bench/search-explain.ts [filter]`: EXPLAIN (ANALYZE, BUFFERS) of the SQL that search and
// duplicate lookup really send, on the generated bench database (run `npm run bench search` first).
// Prints each statement's plan; used for the plans in docs/BENCHMARKS.md.
import { defaultDomainSettings } from '../src/config/domain-settings.js';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { findDuplicates } from '../src/duplicates/duplicate.service.js';
import type { DB } from '../src/db/schema.js';
import { searchOrdersFor } from '../src/search/search.service.js';
import { ManualClock } from '../src/shared/clock.js';
import { BENCH_SERVER_URL } from './bench-db.js';
import { loadSearchWorld, SEARCH_BENCH_DB, SEARCH_BENCH_END, SEARCH_BENCH_START } from './search.bench.js';
import { performance } from 'node:perf_hooks';
import { generateQueries, generateTexts, rng } from './search-texts.js';

const url = new URL(BENCH_SERVER_URL);
url.pathname = `/${SEARCH_BENCH_DB}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
let captured: LogEvent[] = [];
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (e) => void captured.push(e) });
const w = await loadSearchWorld(db);
const clock = new ManualClock(SEARCH_BENCH_END);
const deps = { db, clock, dataDir: '', settings: defaultDomainSettings() };
const only = process.argv[2];

async function explain(label: string, run: () => Promise<unknown>) {
  if (only && !label.includes(only)) return;
  await run(); // warm
  captured = [];
  await run();
  const events = captured.filter((e) => e.query.sql.includes('"orders"') && !e.query.sql.startsWith('explain'));
  for (const e of events) {
    const plan = await pool.query(`explain (analyze, buffers, costs off, timing on) ${e.query.sql}`, [...e.query.parameters]);
    console.log(`\n### ${label} — ${e.queryDurationMillis.toFixed(1)} ms`);
    console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
}

for (const q of ['暖气', '幸福家园 路灯', '锡林浩特市 希日塔拉街道 燃气表'])
  await explain(`search (supervisor) q=${q}`, () => searchOrdersFor(deps, w.supervisor, { q }));
for (const q of ['暖气', '幸福家园 路灯', '锡林浩特市 希日塔拉街道 燃气表'])
  await explain(`search (unit handler) q=${q}`, () => searchOrdersFor(deps, w.handler, { q }));
for (const q of ['暖气', '阳光小区 噪音'])
  await explain(`search (unit handler) + state + region q=${q}`, () =>
    searchOrdersFor(deps, w.handler, { q, state: 'handling', regionId: w.regions[0]!.id }),
  );
await explain('search (supervisor) + state + region q=暖气', () =>
  searchOrdersFor(deps, w.supervisor, { q: '暖气', state: 'handling', regionId: w.regions[0]!.id }),
);
await explain('duplicate lookup', () =>
  findDuplicates(db, clock, {
    centreId: w.centreId,
    scope: { centreId: w.centreId, unitPath: null },
    probe: {
      title: '锦绣华庭供暖不热',
      content: '锡林浩特市额尔敦街道锦绣华庭12号楼家里暖气温度只有十四度，老人孩子受冻，热力公司一直没有来修，请给予答复。',
      callerPhone: '13900012345',
      address: '锡林浩特市额尔敦街道锦绣华庭12号楼',
    },
    at: new Date(SEARCH_BENCH_END.getTime() - 40 * 86_400_000),
  }),
);
if (only === 'search-slowest') {
  // The bench's supervisor queries: the slowest, with every statement they sent.
  const timed: { q: string; ms: number; events: LogEvent[] }[] = [];
  const which = process.argv[3] ?? 'supervisor';
  const cases = {
    supervisor: { from: 20, to: 220, actor: w.supervisor, filters: {} },
    unit: { from: 220, to: 300, actor: w.handler, filters: {} },
    filtered: { from: 20, to: 120, actor: w.supervisor, filters: { state: 'handling', regionId: w.regions[0]!.id } },
    'unit-filtered': { from: 120, to: 220, actor: w.handler, filters: { state: 'handling', regionId: w.regions[0]!.id } },
  } as const;
  const c = cases[which as keyof typeof cases];
  await searchOrdersFor(deps, c.actor, { q: '暖气' });
  for (const q of generateQueries(300).slice(c.from, c.to)) {
    captured = [];
    const t = performance.now();
    await searchOrdersFor(deps, c.actor, { q, ...c.filters });
    timed.push({ q, ms: performance.now() - t, events: captured });
  }
  timed.sort((a, b) => b.ms - a.ms);
  for (const x of timed.slice(0, 12))
    console.log(
      `${x.ms.toFixed(1).padStart(7)} ms  ${x.q.padEnd(28)} ` +
        x.events.map((e) => `${e.query.sql.startsWith('explain') ? 'est' : 'q'}:${e.queryDurationMillis.toFixed(1)}`).join(' '),
    );
}
if (only === 'dup-slowest') {
  // The bench's own probes: time each lookup, explain the slowest statements.
  const r = rng(99);
  const probes = generateTexts(200, 4242).map((x) => ({
    ...x,
    phone: `139${String(Math.floor(r() * 200000)).padStart(8, '0')}`,
    at: new Date(SEARCH_BENCH_START.getTime() + (60 + r() * 230) * 86_400_000),
  }));
  const slow: LogEvent[] = [];
  for (const p of probes) {
    captured = [];
    await findDuplicates(db, clock, {
      centreId: w.centreId,
      scope: { centreId: w.centreId, unitPath: null },
      probe: { title: p.title, content: p.content, callerPhone: p.phone, address: p.address },
      at: p.at,
    });
    slow.push(...captured.filter((e) => e.query.sql.includes('"orders"')));
  }
  slow.sort((a, b) => b.queryDurationMillis - a.queryDurationMillis);
  for (const e of slow.slice(0, 4)) {
    const plan = await pool.query(`explain (analyze, buffers, timing on) ${e.query.sql}`, [...e.query.parameters]);
    console.log(`\n### duplicate lookup, slowest statements — ${e.queryDurationMillis.toFixed(1)} ms`);
    console.log(plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
  }
}
await db.destroy();
