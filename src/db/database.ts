import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
/** Repositories take this as their first argument: the database or a transaction on it. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

// Both drivers return the same JS types: bigint counts as numbers, dates as 'YYYY-MM-DD' strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const asIs = (v: string) => v;
/**
 * Text parsers by type oid for PGlite. They go with every query (PGliteDialect): PGlite 0.5 drops the
 * `parsers` constructor option when it loads its type table, so DATE came back as a JS Date there.
 */
export const PGLITE_PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  [INT8]: toNumber,
  [NUMERIC]: toNumber,
  [DATE]: asIs,
};

export interface DatabaseOptions {
  /** postgres://… for a server; undefined for the embedded PGlite database. */
  url?: string;
  /** Directory of the embedded database; undefined keeps it in memory (tests). */
  pgliteDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8 || oid === NUMERIC) return toNumber;
          if (oid === DATE) return asIs;
          return pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection can be closed by the server (restart, failover, admin). The pool drops it and
    // opens a new one on demand; without a listener the 'error' event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let unlock = () => {};
  if (options.pgliteDir) {
    fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
    unlock = lockDataDir(`${options.pgliteDir}.lock`, options.pgliteDir);
  }
  try {
    const pglite = new PGlite(options.pgliteDir);
    await pglite.waitReady;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, PGLITE_PARSERS) });
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    };
    return { db, kind: 'pglite', close };
  } catch (e) {
    unlock();
    throw e;
  }
}
