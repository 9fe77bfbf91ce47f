import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** The nil uuid names the chain of rows that belong to no centre (a sign-in under an unknown name). */
export const NO_CENTRE = '00000000-0000-0000-0000-000000000000';

export type AuditStream = 'access' | 'timeline';
export const STREAM_TABLE = { access: 'pii_access_log', timeline: 'order_events' } as const;
export const AUDIT_STREAMS: readonly AuditStream[] = ['access', 'timeline'];

export interface ChainKey {
  stream: AuditStream;
  centreId: string;
}

/** Every chain that has, or should have, rows: heads, checkpoints, and each centre × stream. */
export async function listChainKeys(db: Executor): Promise<ChainKey[]> {
  const heads = await db.selectFrom('audit_chains').select(['stream', 'centre_id']).execute();
  const checkpoints = await db.selectFrom('audit_checkpoints').select(['stream', 'centre_id']).distinct().execute();
  const centres = await db.selectFrom('centres').select('id').execute();
  const keys = new Map<string, ChainKey>();
  const add = (stream: string, centreId: string) => {
    if (stream === 'access' || stream === 'timeline') keys.set(`${stream}|${centreId}`, { stream, centreId });
  };
  for (const h of [...heads, ...checkpoints]) add(h.stream, h.centre_id);
  for (const stream of AUDIT_STREAMS) for (const c of [...centres.map((r) => r.id), NO_CENTRE]) add(stream, c);
  return [...keys.values()];
}

export async function findChainHead(db: Executor, key: ChainKey) {
  return db
    .selectFrom('audit_chains')
    .selectAll()
    .where('stream', '=', key.stream)
    .where('centre_id', '=', key.centreId)
    .executeTakeFirst();
}

export async function listCheckpoints(db: Executor, key: ChainKey) {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('stream', '=', key.stream)
    .where('centre_id', '=', key.centreId)
    .orderBy('seq')
    .orderBy('id')
    .execute();
}

export async function insertCheckpoint(
  db: Executor,
  row: { stream: string; centre_id: string; seq: number; hash: string; made_at: Date; key_id: string; signature: string },
) {
  await db.insertInto('audit_checkpoints').values(row).execute();
}

export interface ChainRow {
  id: number;
  seq: number;
  hash: string | null;
  /** The hash recomputed from the row as stored and the stored hash of the row before it. */
  recomputed: string;
}

/**
 * Up to `limit` rows of a chain after sequence `after`, in chain order, each with its hash recomputed
 * in the database (the same lx_audit_hash the trigger used); `carry` is the hash before the first.
 */
export async function chainRowsAfter(
  db: Executor,
  key: ChainKey,
  after: number,
  carry: string,
  limit: number,
  upTo: number = Number.MAX_SAFE_INTEGER,
): Promise<ChainRow[]> {
  const table = sql.table(STREAM_TABLE[key.stream]);
  const centre = key.centreId === NO_CENTRE ? sql`centre_id is null` : sql`centre_id = ${key.centreId}`;
  const result = await sql<{ id: number; seq: number; hash: string | null; recomputed: string }>`
    select t.id, t.chain_seq as seq, t.chain_hash as hash,
      lx_audit_hash(coalesce(lag(t.chain_hash) over (order by t.chain_seq, t.id), ${carry}::text), t) as recomputed
    from (select * from ${table} where ${centre} and chain_seq > ${after} and chain_seq <= ${upTo} order by chain_seq, id limit ${limit}) t
    order by t.chain_seq, t.id`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), seq: Number(r.seq) }));
}

/** A row written past the trigger (no link at all), if any: the first by id. */
export async function firstUnlinkedRow(db: Executor, stream: AuditStream): Promise<number | null> {
  const table = sql.table(STREAM_TABLE[stream]);
  const result = await sql<{ id: number }>`select id from ${table} where chain_seq is null order by id limit 1`.execute(db);
  return result.rows[0] ? Number(result.rows[0].id) : null;
}

export async function insertVerification(db: Executor, row: { at: Date; ok: boolean; rows_checked: number; chains: unknown }) {
  await db
    .insertInto('audit_verifications')
    .values({ ...row, chains: JSON.stringify(row.chains) })
    .execute();
}

export async function latestVerification(db: Executor) {
  return db.selectFrom('audit_verifications').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The row of a chain at sequence `seq` (its time, to decide whether retention may prune up to it). */
export async function chainRowAt(db: Executor, key: ChainKey, seq: number) {
  const table = sql.table(STREAM_TABLE[key.stream]);
  const centre = key.centreId === NO_CENTRE ? sql`centre_id is null` : sql`centre_id = ${key.centreId}`;
  const result = await sql<{ id: number; hash: string }>`
    select id, chain_hash as hash from ${table} where ${centre} and chain_seq = ${seq} limit 1`.execute(db);
  return result.rows[0];
}

/**
 * Retention: deletes the rows of a chain up to the signed checkpoint (`seq`, `hash`) and records it
 * as the chain's new start, in one transaction (the caller's).
 */
export async function pruneChainThrough(db: Executor, key: ChainKey, seq: number, hash: string): Promise<number> {
  const table = sql.table(STREAM_TABLE[key.stream]);
  const centre = key.centreId === NO_CENTRE ? sql`centre_id is null` : sql`centre_id = ${key.centreId}`;
  const deleted = await sql`delete from ${table} where ${centre} and chain_seq <= ${seq}`.execute(db);
  await db
    .updateTable('audit_chains')
    .set({ pruned_seq: seq, pruned_hash: hash })
    .where('stream', '=', key.stream)
    .where('centre_id', '=', key.centreId)
    .execute();
  return Number(deleted.numAffectedRows ?? 0);
}
