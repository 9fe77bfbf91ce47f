import { sql, type Kysely } from 'kysely';
import type { Executor } from './database.js';
import { SEALED_COLUMNS } from './pii-columns.plugin.js';
import { SEALED_PREFIX, sealedKeyId, type PiiKeyring } from '../shared/pii-keyring.js';

// Sealing older rows (migration 0801) and re-keying after a rotation (`lianxin keys rotate`), ADR 0171:
// rows whose personal-data columns are plain text or sealed with another key than the current one are
// read raw in batches (id order) and written back sealed with the current key, blind index included,
// each batch in its own short statement, so the server keeps working while it runs.

type Raw = Kysely<any>;
const raw = (db: Executor) => db.withoutPlugins() as unknown as Raw;

/** The tables and their sealed columns, in a fixed order. */
export const SEALED_TABLES = Object.keys(SEALED_COLUMNS);

/** Whether a stored value must be (re)sealed: plain text, or sealed with another key than `current`. */
const stale = (v: unknown, current: string) => typeof v === 'string' && sealedKeyId(v) !== current;

/** How many rows of a table hold a value that is not sealed with `current` (for progress and the check after). */
export async function countStaleRows(db: Executor, table: string, current: string): Promise<number> {
  const cols = Object.keys(SEALED_COLUMNS[table]!);
  const prefix = `${SEALED_PREFIX}${current}:%`;
  const row = await raw(db)
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) => eb.or(cols.map((c) => eb.and([eb(c, 'is not', null), eb(c, 'not like', prefix)]))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stored values per key id that sealed them, over every sealed column (plain text counts as "plain"). */
export async function countValuesByKey(db: Executor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SEALED_TABLES) {
    for (const col of Object.keys(SEALED_COLUMNS[table]!)) {
      const rows = await raw(db)
        .selectFrom(table)
        .select([
          sql<string>`case when ${sql.ref(col)} like 'lx1:%' then split_part(${sql.ref(col)}, ':', 2) else 'plain' end`.as('k'),
          sql<number>`count(*)::int`.as('n'),
        ])
        .where(col, 'is not', null)
        .groupBy('k')
        .execute();
      for (const r of rows) counts[r.k as string] = (counts[r.k as string] ?? 0) + Number(r.n);
    }
  }
  return counts;
}

/**
 * Re-seals one batch of a table after `afterId` (keyset); returns the last id looked at and how many
 * rows were rewritten, or undefined when the table is done.
 */
export async function rewrapBatch(
  db: Executor,
  keyring: PiiKeyring,
  table: string,
  afterId: string | number | null,
  size: number,
): Promise<{ lastId: string | number; rewritten: number } | undefined> {
  const spec = SEALED_COLUMNS[table]!;
  const cols = Object.keys(spec);
  let q = raw(db)
    .selectFrom(table)
    .select(['id', ...cols])
    .orderBy('id')
    .limit(size);
  if (afterId !== null) q = q.where('id', '>', afterId);
  const rows = await q.execute();
  if (rows.length === 0) return undefined;
  const current = keyring.currentId;
  let rewritten = 0;
  for (const row of rows) {
    const set: Record<string, string | null> = {};
    for (const col of cols) {
      const v = row[col] as unknown;
      if (!stale(v, current)) continue;
      const plain = keyring.open(v as string);
      // Compare-and-set on the value read: a row changed meanwhile by the server is left for the next pass.
      set[col] = keyring.seal(plain);
      const c = spec[col]!;
      if (c.index) set[c.index] = keyring.blindIndex(c.kind!, plain);
    }
    if (Object.keys(set).length === 0) continue;
    let u = raw(db).updateTable(table).set(set).where('id', '=', row.id);
    for (const col of cols) u = row[col] === null ? u.where(col, 'is', null) : u.where(col, '=', row[col]);
    const r = await u.executeTakeFirst();
    rewritten += Number(r.numUpdatedRows);
  }
  return { lastId: rows[rows.length - 1]!.id as string | number, rewritten };
}

/** The tables with a blind index, and their indexed columns (ADR 0201). */
export const INDEXED_TABLES = SEALED_TABLES.filter((t) => Object.values(SEALED_COLUMNS[t]!).some((c) => c.index));

/**
 * Recomputes the blind indexes of one batch of a table after `afterId` (keyset) under the current
 * index key; only an index that differs is written, compare-and-set on the sealed value read (a row
 * changed meanwhile by the server already has the current index). Undefined when the table is done.
 */
export async function reindexBatch(
  db: Executor,
  keyring: PiiKeyring,
  table: string,
  afterId: string | number | null,
  size: number,
): Promise<{ lastId: string | number; looked: number; rewritten: number } | undefined> {
  const indexed = Object.entries(SEALED_COLUMNS[table]!).filter(([, c]) => c.index);
  let q = raw(db)
    .selectFrom(table)
    .select(['id', ...indexed.flatMap(([col, c]) => [col, c.index!])])
    .orderBy('id')
    .limit(size);
  if (afterId !== null) q = q.where('id', '>', afterId);
  const rows = await q.execute();
  if (rows.length === 0) return undefined;
  let rewritten = 0;
  for (const row of rows) {
    for (const [col, c] of indexed) {
      const sealed = row[col] as string | null;
      if (sealed === null) continue;
      const index = keyring.blindIndex(c.kind!, keyring.open(sealed));
      if (row[c.index!] === index) continue;
      const r = await raw(db)
        .updateTable(table)
        .set({ [c.index!]: index })
        .where('id', '=', row.id)
        .where(col, '=', sealed)
        .executeTakeFirst();
      rewritten += Number(r.numUpdatedRows);
    }
  }
  return { lastId: rows[rows.length - 1]!.id as string | number, looked: rows.length, rewritten };
}

/** Rows of a table (the progress's total of a recompute, which looks at every row). */
export async function countIndexedRows(db: Executor, table: string): Promise<number> {
  const row = await raw(db)
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
