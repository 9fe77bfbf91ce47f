import os from 'node:os';
import { sql } from 'kysely';
import { insertUnit } from '../src/org/unit.repository.js';
import { lastEntry, ledgerSum } from '../src/points/points.repository.js';
import { addPointsRule, statementFor } from '../src/points/points.service.js';
import { registerResident } from '../src/residents/resident.service.js';
import { buildWorld } from '../test/helpers/fixtures.js';
import { freshBenchDatabase, latencyOf, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';
import { wishWall } from '../src/wishes/wish-wall.service.js';

const ENTRIES = 10_000;
const WISHES = 100_000;
const RUNS = 60;

const timed = (run: () => Promise<unknown>) => latencyOf(run, RUNS);

async function pointsOn(kind: 'pglite' | 'postgres') {
  const database = await freshBenchDatabase(kind, 'lianxin_bench_points');
  try {
    const w = await buildWorld(database, '2026-12-01T02:00:00Z');
    const db = database.db;
    const village = await insertUnit(db, {
      centreId: w.centreId,
      parentId: w.units.townA2.id,
      parentPath: w.units.townA2.path,
      code: 'VB',
      name: '测试村',
      kind: 'village',
    });
    const rule = await addPointsRule(w.deps, w.actors.admin, { activityKind: 'volunteering', name: '志愿服务', points: 5 });
    const r = await registerResident(w.deps, w.actors.unit_admin, { name: '测试居民', unitId: village.id });
    // 10,000 entries over two years (one every ~105 minutes): awards of 5, every 4th a redemption of 10.
    await sql`insert into points_entries (centre_id, resident_id, seq, kind, activity_kind, rule_id, points, balance_after, at)
      select ${w.centreId}, ${r.id}, g, case when g % 4 = 0 then 'redemption' else 'award' end,
        case when g % 4 = 0 then null else 'volunteering' end, case when g % 4 = 0 then null else ${rule.id}::uuid end,
        case when g % 4 = 0 then -10 else 5 end,
        5 * g - 15 * (g / 4),
        timestamptz '2024-12-01 00:00:00+08' + g * interval '105 minutes'
      from generate_series(1, ${ENTRIES}) g`.execute(db);
    await sql`analyze points_entries`.execute(db);
    const sum = await ledgerSum(db, r.id);
    const last = await lastEntry(db, r.id);
    const figures = {
      kind,
      entries: sum.count,
      ledgerSum: sum.sum,
      runningBalance: last?.balance_after,
      baselineSelect1Ms: await timed(() => sql`select 1`.execute(db)),
      balancePlusStatementMs: await timed(async () => {
        await lastEntry(db, r.id);
        await statementFor(w.deps, r.id, '2025-06');
      }),
      monthEntries: (await statementFor(w.deps, r.id, '2025-06')).entries.length,
      ledgerSumMs: await timed(() => ledgerSum(db, r.id)),
      loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
    };
    console.log(JSON.stringify(figures));
    // 100,000 wishes of the village over three years, a third in each wall column
    await sql`insert into wishes (centre_id, unit_id, resident_id, poster_name, title, detail, source, state, wall_state, posted_at, open_at)
      select ${w.centreId}, ${village.id}, ${r.id}, '测试居民', '心愿 ' || g, '想要一件小东西', 'portal',
        (array['open','claimed','confirmed'])[1 + g % 3], (array['open','claimed','done'])[1 + g % 3],
        now() - g * interval '15 minutes', now() - g * interval '15 minutes'
      from generate_series(1, ${WISHES}) g`.execute(db);
    await sql`analyze wishes`.execute(db);
    const first = await wishWall(w.deps, { state: 'done' });
    console.log(
      JSON.stringify({
        kind,
        wishes: WISHES,
        wallFirstPageMs: await timed(() => wishWall(w.deps, { state: 'open' })),
        wallThirdPageMs: await timed(async () => {
          const p2 = await wishWall(w.deps, { state: 'done', before: first.next ?? undefined });
          await wishWall(w.deps, { state: 'done', before: p2.next ?? undefined });
        }),
      }),
    );
  } finally {
    await database.close();
  }
}

/** Issue 19: a resident's balance and monthly statement with 10,000 ledger entries (target < 10 ms). */
export const governanceBench: BenchSection = {
  name: 'governance',
  description:
    'points: balance + monthly statement at 10,000 entries; the public wish wall at 100,000 wishes (PGlite and PostgreSQL)',
  async run() {
    await pointsOn('pglite');
    if (await serverAvailable()) await pointsOn('postgres');
    else console.log('skipped PostgreSQL: no server (BENCH_DATABASE_URL)');
  },
};
