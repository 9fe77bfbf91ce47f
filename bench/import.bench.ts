import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { buildWorld } from '../test/helpers/fixtures.js';
import { generateRows, GENERATED_MAPPING, rowsToCsv } from '../test/helpers/import-rows.js';
import { BENCH_SERVER_URL, fmt, freshBenchDatabase, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

/**
 * Import of a previous system's records (issue 17, ADR 0183) as a centre runs it on its first day:
 * `lianxin import orders FILE.csv --mapping mapping.json` (first with --dry-run, then for real), in a
 * process of its own, against a database holding the test world's centre, units and catalogue.
 * 100,000 generated rows (BENCH_IMPORT_ROWS to change), written with the mapping into a temporary
 * directory at run time (never stored), on PGlite (on disk in that directory, the CLI's own default:
 * durable commits) and on PostgreSQL. Figures: the command's wall time and rows/s (process start and
 * migration check included), and the timeline events written per second (each one linked into the
 * centre's audit hash chain, ADR 0161).
 */
const BIN = fileURLToPath(new URL('../bin/lianxin.mjs', import.meta.url));
const DB_NAME = 'lianxin_bench_import';

function cli(args: string[], env: Record<string, string>, label: string): Promise<{ ms: number; out: string }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    // Not a terminal: the progress bar writes a line at every tenth.
    child.stderr.on('data', (b: Buffer) => {
      for (const l of b.toString().split('\n'))
        if (l.trim() !== '' && !l.includes('pii-keys.json')) console.log(`    ${label}: ${l.trim()}`);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - t, out })
        : reject(new Error(`lianxin ${args.join(' ')}: exit ${code}\n${out}`)),
    );
  });
}

async function measure(kind: 'pglite' | 'postgres', n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-import-'));
  try {
    const url = new URL(BENCH_SERVER_URL);
    url.pathname = `/${DB_NAME}`;
    const env: Record<string, string> =
      kind === 'postgres' ? { DATABASE_URL: url.toString(), LIANXIN_DATA_DIR: dir } : { LIANXIN_DATA_DIR: dir };
    const open = () =>
      kind === 'postgres'
        ? openDatabase({ url: url.toString() })
        : openDatabase({ pgliteDir: path.join(dir, 'pgdata'), fsync: false });
    // The centre, units and catalogue the rows name (the test world), then the database is closed: the CLI opens it.
    const seeded = await freshBenchDatabase(
      kind,
      DB_NAME,
      kind === 'pglite' ? { dir: path.join(dir, 'pgdata'), fsync: false } : undefined,
    );
    let centre: string;
    try {
      const w = await buildWorld(seeded, '2025-06-16T02:00:00Z');
      const row = await sql<{ code: string }>`select code from centres where id = ${w.centreId}`.execute(seeded.db);
      centre = row.rows[0]!.code;
    } finally {
      await seeded.close();
    }
    const rows = generateRows(n, { prefix: 'B', units: ['A旗住建局', 'B旗住建局', '热力公司', 'A旗住建局物业科'] });
    const file = path.join(dir, 'orders.csv');
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(file, rowsToCsv(rows, 'A旗'));
    fs.writeFileSync(mapping, JSON.stringify(GENERATED_MAPPING));
    const mb = fs.statSync(file).size / 1e6;
    const args = ['import', 'orders', file, '--mapping', mapping, '--centre', centre];
    const load = () =>
      os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ');
    console.log(`  ${kind}: ${n.toLocaleString('en')} rows (${mb.toFixed(1)} MB CSV) in ${dir}; load average ${load()}`);
    const dry = await cli([...args, '--dry-run'], env, `${kind} dry run`);
    if (!/有问题 0 /.test(dry.out)) throw new Error(`the dry run found bad rows:\n${dry.out.slice(0, 2000)}`);
    const real = await cli(args, env, `${kind} import`);
    const imported = Number(/imported (\d+)/.exec(real.out)?.[1] ?? NaN);
    const database = await open();
    let events = 0;
    try {
      const r = await sql<{ n: string }>`select count(*) as n from order_events`.execute(database.db);
      events = Number(r.rows[0]!.n);
    } finally {
      await database.close();
    }
    console.log(
      `  ${kind}: lianxin import orders --dry-run ${fmt(dry.ms / 1000)} s = ${fmt(n / (dry.ms / 1000), 0)} rows/s; ` +
        `import ${fmt(real.ms / 1000)} s = ${fmt(imported / (real.ms / 1000), 0)} rows/s (${imported.toLocaleString('en')} orders, ` +
        `${events.toLocaleString('en')} events = ${fmt(events / (real.ms / 1000), 0)} events/s); load average ${load()}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const importBench: BenchSection = {
  name: 'import',
  description: 'lianxin import orders (CLI, CSV + mapping): rows/s at 100,000 generated rows (PGlite, PostgreSQL)',
  async run() {
    const n = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
    // BENCH_IMPORT_ONLY=postgres or pglite runs only that one.
    const only = process.env.BENCH_IMPORT_ONLY;
    if (only !== 'postgres') await measure('pglite', n);
    if (only === 'pglite') return;
    if (await serverAvailable()) await measure('postgres', n);
    else console.log('  postgres: server not available, skipped');
  },
};
