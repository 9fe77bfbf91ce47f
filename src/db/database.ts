import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { openPglite } from './pglite-durable.js';
import type { DB } from './schema.js';
import { PiiColumnsPlugin } from './pii-columns.plugin.js';
import { withUnitsOfWork } from './unit-of-work.js';
import type { PiiKeyring } from '../shared/pii-keyring.js';

export type Db = Kysely<DB>;
/** Repositories take this as their first argument: the database or a transaction on it. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** Connections of the server database's pool (the embedded database has one and no pool). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Server database only: the pool's connections now (for /metrics). */
  poolStats?(): PoolStats;
  /**
   * Embedded database only: the data directory as a gzipped tarball, taken while no transaction is
   * open (it holds the one connection), so it is consistent (ADR 0162, `lianxin backup`).
   */
  dumpDataDir?(): Promise<Blob>;
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
  /**
   * Embedded database only: flush every commit to disk (the default). false trades durability against
   * a power cut or an OS crash for faster commits (LIANXIN_PGLITE_FSYNC=false; ADR 0160).
   */
  fsync?: boolean;
  /** Embedded database only: fill a new data directory from this tarball (`lianxin restore`). */
  loadDataDir?: Blob;
  /**
   * The personal-data keys (ADR 0170): sealed columns are sealed on write and opened on read. Without
   * them the connection is raw (backups, their checks): ciphertext read and written as it stands.
   */
  pii?: PiiKeyring;
}

const plugins = (options: DatabaseOptions) => (options.pii ? [new PiiColumnsPlugin(options.pii)] : []);

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
    const db = new Kysely<DB>({ dialect: withUnitsOfWork(new PostgresDialect({ pool })), plugins: plugins(options) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, kind: 'postgres', close: () => db.destroy(), poolStats };
  }
  let unlock = () => {};
  if (options.pgliteDir) {
    fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
    unlock = lockDataDir(`${options.pgliteDir}.lock`, options.pgliteDir);
  }
  try {
    const pglite = await openPglite(options.pgliteDir, options.fsync ?? true, options.loadDataDir);
    const db = new Kysely<DB>({ dialect: withUnitsOfWork(new PGliteDialect(pglite, PGLITE_PARSERS)), plugins: plugins(options) });
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    };
    const dumpDataDir = () => db.connection().execute(() => pglite.dumpDataDir('gzip'));
    return { db, kind: 'pglite', close, dumpDataDir };
  } catch (e) {
    unlock();
    throw e;
  }
}
