import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { PiiKeyring } from '../src/shared/pii-keyring.js';

/** The PostgreSQL server the benches use (same as CI's); override with BENCH_DATABASE_URL. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated database: `name` on the PostgreSQL server, or PGlite — in memory, or in the
 * directory `onDisk.dir` with durable commits or not (ADR 0160); with `pii`, personal data sealed (ADR 0170).
 */
export async function freshBenchDatabase(
  kind: 'postgres' | 'pglite',
  name: string,
  onDisk?: { dir: string; fsync: boolean },
  pii?: PiiKeyring,
): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase(onDisk ? { pgliteDir: onDisk.dir, fsync: onDisk.fsync, pii } : { pii });
    await migrateToLatest(database.db);
    return database;
  }
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 20, pii });
  await migrateToLatest(database.db);
  return database;
}

export async function serverAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: BENCH_SERVER_URL });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p95 in ms of `runs` sequential calls (the read benches' latency figure). */
export async function latencyOf(run: () => Promise<unknown>, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: +percentile(ms, 50).toFixed(2), p95: +percentile(ms, 95).toFixed(2) };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
