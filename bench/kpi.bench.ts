import { defaultDomainSettings } from '../src/config/domain-settings.js';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { computeKpis, type KpiReport } from '../src/analytics/kpi/kpi.service.js';
import { refreshKpiRollups } from '../src/analytics/kpi/kpi-rollup.service.js';
import { systemClock } from '../src/shared/clock.js';
import type { Deps } from '../src/shared/deps.js';
import { BENCH_SERVER_URL, fmt, percentile, serverAvailable } from './bench-db.js';
import { generateKpiBenchData } from './kpi-bench-data.js';
import type { BenchSection } from './run.js';

const DB_NAME = 'lianxin_bench_kpi';
const ORDERS = Number(process.env.BENCH_KPI_ORDERS || 5_000_000);
const MONTH = { from: '2025-06-01', to: '2025-06-30' };

/** Opens the bench database, generating it when it is missing or holds another volume. */
async function openBenchDatabase(log: (l: string) => void): Promise<{ database: Database; centreId: string }> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount === 1;
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${DB_NAME}`;
  if (exists) {
    const probe = new pg.Client({ connectionString: url.toString() });
    await probe.connect();
    const r = await probe
      .query<{ id: string; n: string; note: string | null }>(
        `select c.id, (select count(*) from orders o where o.centre_id = c.id) as n,
           (select shobj_description(d.oid, 'pg_database') from pg_database d where d.datname = current_database()) as note
         from centres c where c.code = 'bench-kpi'`,
      )
      .catch(() => ({ rows: [] as { id: string; n: string; note: string | null }[] }));
    await probe.end();
    const row = r.rows[0];
    if (row && Number(row.n) === ORDERS && row.note === completeNote()) {
      await admin.end();
      log(`reusing ${DB_NAME} (${ORDERS} orders); drop it to regenerate`);
      const database = await openDatabase({ url: url.toString(), poolSize: 4 });
      await migrateToLatest(database.db);
      return { database, centreId: row.id };
    }
    await admin.query(`drop database ${DB_NAME} with (force)`);
  }
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await migrateToLatest(database.db);
  log(`generating ${ORDERS} orders with their events in ${DB_NAME} (once) …`);
  const t = performance.now();
  const centreId = await generateKpiBenchData(database.db, ORDERS, log);
  // Marks the database complete: an interrupted generation is dropped and redone, never reused.
  await sql.raw(`comment on database ${DB_NAME} is '${completeNote()}'`).execute(database.db);
  log(`generated in ${fmt((performance.now() - t) / 1000)} s`);
  return { database, centreId };
}

const completeNote = () => `bench-kpi ${ORDERS} orders complete`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

/** The parts of two reports that must agree (source and timing aside). */
const figures = (r: KpiReport) => ({ total: r.total, groups: r.groups });

export const kpiBench: BenchSection = {
  name: 'kpi',
  description: `one month's KPIs for all units over ${ORDERS.toLocaleString('en')} orders: daily rollups vs a plain GROUP BY over the raw events (PostgreSQL)`,
  run: async () => {
    if (!(await serverAvailable())) {
      console.log(`SKIPPED: no PostgreSQL at ${BENCH_SERVER_URL}`);
      return;
    }
    const log = (l: string) => console.log(l);
    const { database, centreId } = await openBenchDatabase(log);
    try {
      const deps: Deps = { db: database.db, clock: systemClock, dataDir: '/tmp', settings: defaultDomainSettings() };
      const [buildMs] = await timed(async () => {
        while ((await refreshKpiRollups(deps, { maxBackfillDays: 366 })).backfilled > 0) log('  rollups: built a batch of days');
      });
      log(`rollup refresh (build or catch up): ${fmt(buildMs / 1000)} s`);
      const [idleMs] = await timed(() => refreshKpiRollups(deps));
      log(`rollup refresh with nothing new: ${fmt(idleMs)} ms`);
      const query = { centreId, ...MONTH, groupBy: 'unit' as const };
      const rollupTimes: number[] = [];
      let viaRollups: KpiReport | undefined;
      for (let i = 0; i < 7; i++) {
        const [ms, report] = await timed(() => computeKpis(deps, query));
        rollupTimes.push(ms);
        viaRollups = report;
      }
      const rawTimes: number[] = [];
      let viaRaw: KpiReport | undefined;
      for (let i = 0; i < 3; i++) {
        const [ms, report] = await timed(() => computeKpis(deps, { ...query, source: 'raw' }));
        rawTimes.push(ms);
        viaRaw = report;
      }
      rollupTimes.sort((a, b) => a - b);
      rawTimes.sort((a, b) => a - b);
      const rollupMedian = percentile(rollupTimes, 50);
      const rawMedian = percentile(rawTimes, 50);
      const same = isDeepStrictEqual(figures(viaRollups!), figures(viaRaw!));
      const t = viaRollups!.total.kpis;
      console.log(
        `month ${MONTH.from}…${MONTH.to}, groupBy=unit (${viaRollups!.groups.length} groups, each with its sub-units), with the previous month:`,
      );
      console.log(
        `  accepted ${t.acceptedCount.value}, 办结率 ${fmt(t.closureRate.value! * 100, 2)} %, 满意率 ${fmt(t.satisfactionRate.value! * 100, 2)} %, 响应率 ${fmt(t.responseRate.value! * 100, 2)} %`,
      );
      console.log(
        `  from rollups (${viaRollups!.source.rollupDays} days from rollups): median ${fmt(rollupMedian)} ms, max ${fmt(rollupTimes[rollupTimes.length - 1]!)} ms (target < 200 ms)`,
      );
      console.log(`  plain GROUP BY over orders + order_events + return_visits: median ${fmt(rawMedian)} ms`);
      console.log(`  ratio raw / rollups: ${fmt(rawMedian / rollupMedian)}×`);
      console.log(`  results identical: ${same ? 'YES' : 'NO — MISMATCH'}`);
      if (!same) process.exitCode = 1;
    } finally {
      await database.close();
    }
  },
};
