import os from 'node:os';
import { sql } from 'kysely';
import { listInstructionsFor } from '../src/leaders/instruction.service.js';
import { listMyLeaderCases } from '../src/leaders/leader-case.service.js';
import { listConsultationsFor } from '../src/leaders/consultation.service.js';
import { buildWorld } from '../test/helpers/fixtures.js';
import { newOrder } from '../test/helpers/orders.js';
import { freshBenchDatabase, latencyOf, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

const ORDERS = 2_000;
const INSTRUCTIONS = 50_000;
const CONSULTATIONS = 5_000;
const RUNS = 60;

const timed = (run: () => Promise<unknown>) => latencyOf(run, RUNS);

async function benchOn(kind: 'pglite' | 'postgres') {
  const database = await freshBenchDatabase(kind, 'lianxin_bench_leaders');
  try {
    const w = await buildWorld(database);
    const first = await newOrder(w);
    const db = database.db;
    const units = [w.units.deptA1, w.units.deptB1, w.units.company, w.units.townA2];
    // Copies of one order (the lists join orders by id); 批示 and 会商 spread over four units.
    await sql`insert into orders
      select (jsonb_populate_record(o, jsonb_build_object('id', gen_random_uuid(), 'order_no', o.order_no || '-' || g,
        'query_code', substr(md5(g::text), 1, 8)))).*
      from orders o, generate_series(1, ${ORDERS}) g where o.id = ${first.id}`.execute(db);
    const ids = (await db.selectFrom('orders').select('id').where('centre_id', '=', w.centreId).execute()).map((r) => r.id);
    await sql`insert into leader_cases (order_id, centre_id, leader_id, taken_at)
      select id, centre_id, ${w.actors.leader.userId}, now() from orders where centre_id = ${w.centreId}`.execute(db);
    await sql`insert into leader_instructions (order_id, centre_id, unit_id, leader_id, text, issued_at, status)
      select (${sql.val(ids)}::uuid[])[1 + g % ${ids.length}], ${w.centreId}, (${sql.val(units.map((u) => u.id))}::uuid[])[1 + g % 4],
        ${w.actors.leader.userId}, '请核实并反馈', now() - g * interval '1 minute', (array['open','acknowledged','answered'])[1 + g % 3]
      from generate_series(1, ${INSTRUCTIONS}) g`.execute(db);
    await sql`insert into consultations (order_id, centre_id, topic, opened_by, opened_at)
      select (${sql.val(ids)}::uuid[])[1 + g % ${ids.length}], ${w.centreId}, '会商', ${w.actors.leader.userId}, now() - g * interval '1 minute'
      from generate_series(1, ${CONSULTATIONS}) g`.execute(db);
    await sql`insert into consultation_units (consultation_id, unit_id)
      select c.id, u from consultations c, unnest(${sql.val(units.slice(0, 2).map((u) => u.id))}::uuid[]) u`.execute(db);
    await sql`analyze`.execute(db);
    const baseline = await timed(() => sql`select 1`.execute(db));
    const figures = {
      kind,
      rows: { orders: ids.length, cases: ids.length, instructions: INSTRUCTIONS, consultations: CONSULTATIONS },
      baselineSelect1Ms: baseline,
      unitInstructionsMs: await timed(() =>
        listInstructionsFor(w.deps, w.actors.unit_handler, { statuses: ['open', 'acknowledged'] }),
      ),
      unitPendingConsultationsMs: await timed(() => listConsultationsFor(w.deps, w.actors.unit_handler, { pending: true })),
      myCasesMs: await timed(() => listMyLeaderCases(w.deps, w.actors.leader, true)),
      loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
    };
    console.log(JSON.stringify(figures));
  } finally {
    await database.close();
  }
}

/** The leaders' lists at volume: a unit's 待办批示 and pending 会商, a leader's 我的包案 (p50/p95 of 60 reads). */
export const leadersBench: BenchSection = {
  name: 'leaders',
  description: "unit's 批示 / 会商 lists and 我的包案 over 50,000 批示, 5,000 会商, 2,000 包案 (PGlite and PostgreSQL)",
  async run() {
    await benchOn('pglite');
    if (await serverAvailable()) await benchOn('postgres');
    else console.log('skipped PostgreSQL: no server (BENCH_DATABASE_URL)');
  },
};
