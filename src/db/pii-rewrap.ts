import type { Executor } from './database.js';
import {
  countIndexedRows,
  countStaleRows,
  INDEXED_TABLES,
  reindexBatch,
  rewrapBatch,
  SEALED_TABLES,
} from './pii-rewrap.repository.js';
import type { PiiKeyring } from '../shared/pii-keyring.js';

export interface RewrapProgress {
  table: string;
  /** Rows rewritten in this table so far, of those that needed it when the table was started. */
  done: number;
  total: number;
}

/**
 * Seals every personal-data value that is plain text or sealed with an older key with the current
 * key (ADR 0171), table by table in batches; passes again until no row is left (a server that had
 * not yet seen the new key may have written one meanwhile). Returns the rows rewritten.
 */
export async function rewrapAllRows(
  db: Executor,
  keyring: PiiKeyring,
  options: {
    batch?: number;
    onProgress?: (p: RewrapProgress) => void;
    maxPasses?: number;
    /** The tables to re-seal (a migration names the ones that existed when it was written); default all. */
    tables?: readonly string[];
  } = {},
): Promise<number> {
  const size = options.batch ?? 500;
  let total = 0;
  for (let pass = 0; pass < (options.maxPasses ?? 5); pass++) {
    let left = 0;
    for (const table of options.tables ?? SEALED_TABLES) {
      const stale = await countStaleRows(db, table, keyring.currentId);
      left += stale;
      if (stale === 0) continue;
      let after: string | number | null = null;
      let done = 0;
      for (;;) {
        const r = await rewrapBatch(db, keyring, table, after, size);
        if (!r) break;
        after = r.lastId;
        done += r.rewritten;
        options.onProgress?.({ table, done, total: stale });
      }
      total += done;
    }
    if (left === 0) return total;
  }
  let still = 0;
  for (const table of SEALED_TABLES) still += await countStaleRows(db, table, keyring.currentId);
  if (still > 0) throw new Error(`仍有 ${still} 行未用当前密钥加密 / ${still} rows are still not sealed with the current key`);
  return total;
}

export interface ReindexProgress {
  table: string;
  /** Rows looked at in this table so far, of `total`; `rewritten` of them had an index under an older key. */
  looked: number;
  total: number;
  rewritten: number;
}

/**
 * Recomputes every blind index under the current index key (ADR 0201, `lianxin keys rotate-index`),
 * table by table in batches, each batch its own short statements, so the server keeps working; passes
 * again until a pass rewrites nothing (a server that had not yet seen the new key may have written an
 * index meanwhile). Resumable: a run after an interruption rewrites only the indexes still stale.
 * Returns the indexes rewritten.
 */
export async function reindexAllRows(
  db: Executor,
  keyring: PiiKeyring,
  options: { batch?: number; onProgress?: (p: ReindexProgress) => void; maxPasses?: number } = {},
): Promise<number> {
  const size = options.batch ?? 500;
  let total = 0;
  for (let pass = 0; pass < (options.maxPasses ?? 5); pass++) {
    let rewrittenThisPass = 0;
    for (const table of INDEXED_TABLES) {
      const rows = await countIndexedRows(db, table);
      let after: string | number | null = null;
      const p = { table, looked: 0, total: rows, rewritten: 0 };
      for (;;) {
        const r = await reindexBatch(db, keyring, table, after, size);
        if (!r) break;
        after = r.lastId;
        p.looked += r.looked;
        p.rewritten += r.rewritten;
        options.onProgress?.({ ...p });
      }
      rewrittenThisPass += p.rewritten;
    }
    total += rewrittenThisPass;
    if (rewrittenThisPass === 0) return total;
  }
  throw new Error('盲索引仍在变化，请再运行一次 / blind indexes kept changing: run lianxin keys reindex again');
}
