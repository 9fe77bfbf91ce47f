import { sql } from 'kysely';
import { importOrders } from '../src/imports/order-import.service.js';
import { buildWorld } from '../test/helpers/fixtures.js';
import { generateRows, GENERATED_MAPPING, rowsToCsv } from '../test/helpers/import-rows.js';
import { fmt, freshBenchDatabase, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

/**
 * Import of a previous system's records (issue 17, ADR 0183): 100,000 generated rows (never stored;
 * BENCH_IMPORT_ROWS to change) as a CSV export, checked (the dry run) and imported in committed
 * batches, on PGlite and on PostgreSQL. Rows/s of each phase, and the events written per second
 * (each one linked into the centre's audit hash chain by its trigger, ADR 0161).
 */
async function measure(kind: 'pglite' | 'postgres', n: number) {
  const database = await freshBenchDatabase(kind, 'lianxin_bench_import');
  try {
    const w = await buildWorld(database, '2025-06-16T02:00:00Z');
    const rows = generateRows(n, { prefix: 'B', units: ['A旗住建局', 'B旗住建局', '热力公司', 'A旗住建局物业科'] });
    const bytes = new TextEncoder().encode(rowsToCsv(rows, 'A旗'));
    const input = { fileName: 'bench.csv', bytes, mapping: GENERATED_MAPPING };
    let t = performance.now();
    const dry = await importOrders(w.deps, w.actors.admin, { ...input, dryRun: true });
    const checkMs = performance.now() - t;
    let lastShown = 0;
    t = performance.now();
    const real = await importOrders(w.deps, w.actors.admin, {
      ...input,
      dryRun: false,
      onProgress: (p) => {
        if (p.phase === 'import' && p.done - lastShown >= n / 10) {
          lastShown = p.done;
          console.log(
            `  ${kind}: ${p.done.toLocaleString('en')} rows, ${fmt(p.done / ((performance.now() - t) / 1000), 0)} rows/s so far`,
          );
        }
      },
    });
    const runMs = performance.now() - t;
    const events = await sql<{ n: string }>`select count(*) as n from order_events`.execute(database.db);
    const e = Number(events.rows[0]!.n);
    console.log(
      `${kind}: ${n.toLocaleString('en')} rows (${(bytes.length / 1e6).toFixed(1)} MB), ${dry.badRows} bad; ` +
        `check ${fmt(checkMs / 1000)} s = ${fmt(n / (checkMs / 1000), 0)} rows/s; ` +
        `import (check + write) ${fmt(runMs / 1000)} s = ${fmt(real.imported / (runMs / 1000), 0)} rows/s, ` +
        `${e.toLocaleString('en')} events = ${fmt(e / (runMs / 1000), 0)} events/s`,
    );
  } finally {
    await database.close();
  }
}

export const importBench: BenchSection = {
  name: 'import',
  description: 'import of a previous system’s orders: rows/s at 100,000 generated rows (PGlite, PostgreSQL)',
  async run() {
    const n = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
    await measure('pglite', n);
    if (await serverAvailable()) await measure('postgres', n);
    else console.log('postgres: server not available, skipped');
  },
};
