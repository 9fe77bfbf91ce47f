import { defaultDomainSettings } from '../src/config/domain-settings.js';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { ManualClock } from '../src/shared/clock.js';
import { explainClaimDueDeadlines } from '../src/timelimits/deadline.repository.js';
import { sweepDueDeadlines } from '../src/timelimits/deadline-sweep.service.js';
import { drainOutbox } from '../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../src/worker/outbox-topics.js';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { BENCH_SERVER_URL, fmt, freshBenchDatabase, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

const ORDERS = Number(process.env.BENCH_SWEEP_ORDERS ?? 1_000_000);
/** Share of open orders with a threshold due at the moment of the sweep (a busy minute after a holiday). */
const DUE_SHARE = 0.005;
const NOW = new Date('2025-10-09T02:00:00Z');

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const DB_NAME = 'lianxin_bench_sweep';

/**
 * Generating a million orders takes minutes on a shared machine, so a database left by an earlier
 * run with the same size is reused after putting its deadlines back (BENCH_SWEEP_FRESH=1 forces it).
 */
async function openOrGenerate(): Promise<Database> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount === 1;
  await admin.end();
  if (exists && process.env.BENCH_SWEEP_FRESH !== '1') {
    const url = new URL(BENCH_SERVER_URL);
    url.pathname = `/${DB_NAME}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 20 });
    await migrateToLatest(database.db);
    const n = await sql<{ n: number }>`select count(*)::int as n from order_deadlines where status = 'running'`.execute(
      database.db,
    );
    if (n.rows[0].n === ORDERS) {
      const t0 = process.hrtime.bigint();
      await sql`truncate outbox, notices`.execute(database.db);
      await sql`delete from order_events`.execute(database.db);
      await sql`
        update order_deadlines set next_check_at = warn_at, yellow_fired_at = null, urge_fired_at = null,
          red_fired_at = null, supervise_fired_at = null, claimed_until = null
        where next_check_at is distinct from warn_at or yellow_fired_at is not null or claimed_until is not null`.execute(
        database.db,
      );
      console.log(`  reusing ${DB_NAME} (${ORDERS.toLocaleString('en')} open orders), reset in ${fmt(ms(t0) / 1000)} s`);
      await sql`vacuum analyze`.execute(database.db);
      return database;
    }
    await database.close();
  }
  const database = await freshBenchDatabase('postgres', DB_NAME);
  await generate(database);
  return database;
}

async function generate(database: Database) {
  const db = database.db;
  const t0 = process.hrtime.bigint();
  const centre = await sql<{ id: string }>`insert into centres (code, name) values ('bench', '基准中心') returning id`.execute(
    db,
  );
  const centreId = centre.rows[0].id;
  const unit = await sql<{ id: string }>`
    insert into units (centre_id, code, name, kind, path) values (${centreId}, 'U1', '基准单位', 'county_dept', '/u1/')
    returning id`.execute(db);
  const unitId = unit.rows[0].id;
  await sql`
    insert into orders (centre_id, order_no, query_code, channel, appeal_type, priority, title, content, state,
                        lead_unit_id, accepted_at, updated_at)
    select ${centreId}, 'B' || lpad(g::text, 9, '0'), 'q' || g, 'phone', 'help', 3, '基准工单', '内容', 'handling',
           ${unitId}, ${NOW}::timestamptz - interval '10 days', ${NOW}
    from generate_series(1, ${ORDERS}) g`.execute(db);
  // Due instants spread over the next 30 days; the first DUE_SHARE of them lie just before NOW.
  await sql`
    insert into order_deadlines (order_id, centre_id, stage, status, unit_id, amount, unit, clock, started_at,
                                 due_at, original_due_at, warn_at, urge_at, supervise_at, next_check_at)
    select o.id, o.centre_id, 'reply', 'running', ${unitId}, 5, 'working_days', 'working', o.accepted_at,
           t.at + interval '2 days', t.at + interval '2 days', t.at, t.at + interval '1 day', t.at + interval '3 days', t.at
    from (select id, centre_id, accepted_at, row_number() over () as n from orders) o
    cross join lateral (
      select case when o.n <= ${Math.round(ORDERS * DUE_SHARE)}
                  then ${NOW}::timestamptz - (o.n || ' seconds')::interval
                  else ${NOW}::timestamptz + ((o.n % 43200) || ' minutes')::interval end as at
    ) t`.execute(db);
  await sql`vacuum analyze`.execute(db);
  console.log(`  generated ${ORDERS.toLocaleString('en')} orders + running deadlines in ${fmt(ms(t0) / 1000)} s`);
}

/**
 * 1,000,000 open orders, each with a running reply deadline; 0.5 % have a threshold due now. One
 * sweep claims the due ones through the partial index and fans out one check job per order. The
 * baseline is the same "what is due" question answered by a full scan, measured in the same run.
 */
export const sweepBench: BenchSection = {
  name: 'sweep',
  description: `deadline sweep over ${ORDERS.toLocaleString('en')} open orders on PostgreSQL (target < 2 s, no full scan)`,
  run: async () => {
    if (!(await serverAvailable())) {
      console.log('  skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');
      return;
    }
    const database = await openOrGenerate();
    const db = database.db;
    try {
      const plan = await db
        .transaction()
        .execute(async (tx) => {
          const lines = await explainClaimDueDeadlines(tx, { now: NOW, limit: 1000, leaseMs: 300_000 });
          throw Object.assign(new Error('rollback'), { lines });
        })
        .catch((e: { lines?: string[] }) => e.lines ?? []);
      console.log('  EXPLAIN (ANALYZE, BUFFERS) of one claim batch (rolled back):');
      for (const line of plan) console.log(`    ${line}`);
      const fullScan = plan.some((l) => /Seq Scan on order_deadlines/.test(l));
      console.log(`  full-table scan of order_deadlines in the plan: ${fullScan ? 'YES (bad)' : 'no'}`);

      const baselineT = process.hrtime.bigint();
      const baseline = await db.transaction().execute(async (tx) => {
        await sql`set local enable_indexscan = off`.execute(tx);
        await sql`set local enable_bitmapscan = off`.execute(tx);
        const r = await sql<{ n: number }>`
          select count(*)::int as n from order_deadlines
          where status = 'running' and next_check_at is not null and next_check_at <= ${NOW}`.execute(tx);
        return r.rows[0].n;
      });
      const baselineMs = ms(baselineT);

      const dueTotal = Math.round(ORDERS * DUE_SHARE);
      const steady = Math.min(1000, dueTotal);
      // Steady state: 1M open orders × 5 thresholds over ~7 days ≈ 500 crossings a minute; the first
      // sweep sees 1,000 due (twice that), the second the remaining backlog of a long stop.
      const clock = new ManualClock(new Date(NOW.getTime() - (dueTotal - steady) * 1000));
      const deps = { db, clock, dataDir: '/tmp', settings: defaultDomainSettings(), config: loadConfig({}), log: () => {} };
      await sql`checkpoint`.execute(db);
      const report = async (label: string) => {
        const t = process.hrtime.bigint();
        // A long lease: the clock jumps ahead between the two sweeps and the first one's claims must hold.
        const r = await sweepDueDeadlines(deps, { batchSize: 1000, maxBatches: 20, leaseMs: 2 * 3_600_000 });
        const took = ms(t);
        console.log(
          `  ${label}: ${fmt(took, 0)} ms — ${r.deadlinesClaimed} deadlines claimed (rows updated), ${r.jobsEnqueued} outbox ` +
            `jobs inserted, ${r.batches} batch(es); ${fmt(took / Math.max(1, r.deadlinesClaimed), 3)} ms per due row; ` +
            `target < 2000 ms: ${took < 2000 ? 'met' : 'MISSED'}`,
        );
        return took;
      };
      const steadyMs = await report(`sweep, ${steady} due (steady minute ×2)`);
      clock.set(NOW);
      const backlogMs = await report(`sweep, backlog of ${dueTotal - steady} due (after a stop)`);
      console.log(
        `  baseline (full scan answering only "how many are due": ${baseline}): ${fmt(baselineMs, 0)} ms → the steady sweep ` +
          `(which also claims and fans out) takes ${fmt(steadyMs / baselineMs, 2)}× of it, the backlog sweep ${fmt(backlogMs / baselineMs, 2)}×`,
      );
      const again = process.hrtime.bigint();
      const r2 = await sweepDueDeadlines(deps, { batchSize: 1000, maxBatches: 20, leaseMs: 2 * 3_600_000 });
      console.log(`  second sweep right after (all leased): ${fmt(ms(again), 1)} ms, ${r2.deadlinesClaimed} claimed`);

      const jobsT = process.hrtime.bigint();
      const d = await drainOutbox(deps, { handlers: outboxHandlers, batchSize: 100, maxBatches: 10 });
      const jobsMs = ms(jobsT);
      console.log(
        `  check jobs: ${d.done} outbox messages (checks + notices) in ${fmt(jobsMs, 0)} ms = ${fmt((d.done / jobsMs) * 1000, 0)} /s on one worker`,
      );
    } finally {
      await database.close();
    }
  },
};
