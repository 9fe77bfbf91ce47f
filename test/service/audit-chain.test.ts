import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditKey } from '../../src/audit/audit-key.js';
import { sealAuditChains } from '../../src/audit/audit-seal.service.js';
import { pruneAuditTrail } from '../../src/audit/audit-retention.service.js';
import { verifyAuditTrail, type ChainReport } from '../../src/audit/audit-verify.service.js';
import { logPiiAccess } from '../../src/accesslog/pii-access-log.repository.js';
import { extraConnection } from '../helpers/test-db.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

// ADR 0161: the audit trail (pii_access_log) and the order timeline (order_events) are hash chains
// per centre with signed checkpoints; verify names the first broken row.
const { database, w } = useWorld();
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-audit-key-'));
const key = loadAuditKey(path.join(keyDir, 'audit-signing.pem'));
afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

const db = () => database.db;
/** The centre's personal-data access log in chain order. */
const accessRows = () =>
  db().selectFrom('pii_access_log').selectAll().where('centre_id', '=', w.centreId).orderBy('chain_seq').execute();
const verify = () => verifyAuditTrail(db(), key, { now: w.clock.now() });
const chainOf = (chains: ChainReport[], stream: 'access' | 'timeline') =>
  chains.find((c) => c.stream === stream && c.centreId === w.centreId)!;
/** Writes as a database superuser would, past the triggers (session_replication_role = replica). */
const pastTriggers = <T>(fn: (tx: typeof database.db) => Promise<T>) =>
  db()
    .transaction()
    .execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      return fn(tx as unknown as typeof database.db);
    });

const orderIds: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 4; i++) orderIds.push((await newOrder(w, { title: `链测试 ${i}` })).id);
  for (const orderId of orderIds) {
    await logPiiAccess(db(), {
      userId: w.actors.dispatcher.userId,
      orderId,
      fields: ['caller_phone'],
      purpose: 'order.view',
      at: w.clock.now(),
    });
  }
});

describe('the audit chain', () => {
  it('links every new row and verifies whole, with signed checkpoints', async () => {
    const first = await verify();
    expect(first.ok).toBe(true);
    expect(chainOf(first.chains, 'access').rows).toBe(4);
    expect(chainOf(first.chains, 'timeline').rows).toBeGreaterThanOrEqual(4);
    const sealed = await sealAuditChains(db(), key, w.clock.now());
    expect(sealed.broken).toEqual([]);
    expect(sealed.sealed).toBeGreaterThanOrEqual(2);
    const after = await verify();
    expect(after.ok).toBe(true);
    expect(chainOf(after.chains, 'access')).toMatchObject({ checkpoints: 1, unsealed: 0 });
    // The row's centre is taken from its order when the writer did not give one.
    const row = await db()
      .selectFrom('pii_access_log')
      .select(['centre_id', 'chain_seq'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ centre_id: w.centreId, chain_seq: 1 });
  });

  it('names an edited row (the timeline: a note changed in the database)', async () => {
    const event = await db()
      .selectFrom('order_events')
      .select(['id', 'note', 'chain_seq'])
      .where('order_id', '=', orderIds[1])
      .executeTakeFirstOrThrow();
    await db().updateTable('order_events').set({ note: '改过的说明' }).where('id', '=', event.id).execute();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(chainOf(report.chains, 'timeline').broken).toMatchObject({ kind: 'edited', table: 'order_events', rowId: event.id });
    await db().updateTable('order_events').set({ note: event.note }).where('id', '=', event.id).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('names a deleted row by the gap it leaves', async () => {
    const rows = await accessRows();
    const victim = rows[1]!;
    await db().deleteFrom('pii_access_log').where('id', '=', victim.id).execute();
    const report = await verify();
    expect(chainOf(report.chains, 'access').broken).toMatchObject({
      kind: 'deleted',
      table: 'pii_access_log',
      rowId: rows[2]!.id,
      missing: [victim.chain_seq, victim.chain_seq],
    });
    // Put back exactly as it was (past the trigger, its own id): whole again.
    await pastTriggers((tx) =>
      sql`insert into pii_access_log (id, user_id, order_id, fields, purpose, at, centre_id, chain_seq, chain_hash)
          overriding system value values (${victim.id}, ${victim.user_id}, ${victim.order_id}, ${victim.fields}, ${victim.purpose},
          ${victim.at}, ${victim.centre_id}, ${victim.chain_seq}, ${victim.chain_hash})`.execute(tx),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('names an inserted row, linked or not', async () => {
    const rows = await accessRows();
    const forged = (seq: number | null, hash: string | null) =>
      pastTriggers((tx) =>
        sql<{ id: number }>`insert into pii_access_log (user_id, order_id, fields, purpose, at, centre_id, chain_seq, chain_hash)
          values (${w.actors.dispatcher.userId}, ${orderIds[0]}, ${['caller_name']}, 'order.view', ${rows[0]!.at}, ${w.centreId}, ${seq}, ${hash})
          returning id`.execute(tx),
      ).then((r) => Number(r.rows[0]!.id));
    // A back-dated row slipped in beside row 2, claiming its place in the chain.
    const inserted = await forged(rows[1]!.chain_seq, rows[1]!.chain_hash);
    const report = await verify();
    expect(chainOf(report.chains, 'access').broken).toMatchObject({ kind: 'inserted', table: 'pii_access_log', rowId: inserted });
    await db().deleteFrom('pii_access_log').where('id', '=', inserted).execute();
    // A row with no link at all.
    const unlinked = await forged(null, null);
    const again = await verify();
    expect(again.ok).toBe(false);
    expect(again.chains.find((c) => c.broken?.kind === 'unlinked')?.broken).toMatchObject({ rowId: unlinked });
    await db().deleteFrom('pii_access_log').where('id', '=', unlinked).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('catches a consistent rewrite by the signed checkpoint, and a forged checkpoint by its signature', async () => {
    const rows = await accessRows();
    // Delete row 2, then renumber and re-hash every later row and the head, as someone with the
    // database (and the hash function in it) but without the signing key would.
    const snapshot = rows.map((r) => ({ ...r }));
    await db().deleteFrom('pii_access_log').where('id', '=', rows[1]!.id).execute();
    let prev = rows[0]!.chain_hash!;
    for (const r of rows.slice(2)) {
      await db()
        .updateTable('pii_access_log')
        .set({ chain_seq: r.chain_seq! - 1 } as never)
        .where('id', '=', r.id)
        .execute();
      const h = await sql<{
        h: string;
      }>`select lx_audit_hash(${prev}::text, t) as h from pii_access_log t where id = ${r.id}`.execute(db());
      prev = h.rows[0]!.h;
      await db()
        .updateTable('pii_access_log')
        .set({ chain_hash: prev } as never)
        .where('id', '=', r.id)
        .execute();
    }
    await db()
      .updateTable('audit_chains')
      .set({ last_seq: rows.length - 1, last_hash: prev })
      .where('stream', '=', 'access')
      .where('centre_id', '=', w.centreId)
      .execute();
    const report = await verify();
    const broken = chainOf(report.chains, 'access').broken;
    expect(broken?.kind === 'checkpointMismatch' || broken?.kind === 'tailDeleted').toBe(true);
    // A checkpoint moved to the forged chain without the key: the signature no longer fits.
    await db()
      .updateTable('audit_checkpoints')
      .set({ seq: rows.length - 1, hash: prev })
      .where('stream', '=', 'access')
      .where('centre_id', '=', w.centreId)
      .execute();
    expect(chainOf((await verify()).chains, 'access').broken).toMatchObject({ kind: 'badSignature' });
    // Undo: the original rows, head and checkpoint.
    await db().deleteFrom('pii_access_log').where('centre_id', '=', w.centreId).execute();
    await pastTriggers(async (tx) => {
      for (const r of snapshot) {
        await sql`insert into pii_access_log (id, user_id, order_id, fields, purpose, at, centre_id, chain_seq, chain_hash)
          overriding system value values (${r.id}, ${r.user_id}, ${r.order_id}, ${r.fields}, ${r.purpose}, ${r.at}, ${r.centre_id}, ${r.chain_seq}, ${r.chain_hash})`.execute(
          tx,
        );
      }
    });
    const last = snapshot.at(-1)!;
    await db()
      .updateTable('audit_chains')
      .set({ last_seq: last.chain_seq!, last_hash: last.chain_hash! })
      .where('stream', '=', 'access')
      .where('centre_id', '=', w.centreId)
      .execute();
    await db()
      .updateTable('audit_checkpoints')
      .set({ seq: last.chain_seq!, hash: last.chain_hash! })
      .where('stream', '=', 'access')
      .where('centre_id', '=', w.centreId)
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('chains concurrent writers without a gap or a double (one link per row)', async () => {
    const extra = await extraConnection(database);
    try {
      await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => newOrder(w, { title: `并发 ${i}` })),
        ...Array.from({ length: 12 }, () =>
          logPiiAccess(db(), {
            userId: w.actors.dispatcher.userId,
            orderId: orderIds[2]!,
            fields: ['caller_phone'],
            purpose: 'order.view',
            at: w.clock.now(),
          }),
        ),
        // Another connection's writers too, on PostgreSQL (one after another on that connection).
        (async () => {
          for (let i = 0; extra && i < 12; i++) {
            await extra.query(
              `insert into pii_access_log (user_id, order_id, fields, purpose, at) values ($1, $2, '{caller_name}', 'order.view', now())`,
              [w.actors.dispatcher.userId, orderIds[3]],
            );
          }
        })(),
      ]);
    } finally {
      await extra?.end();
    }
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(chainOf(report.chains, 'access').rows).toBe(4 + 12 + (process.env.TEST_DATABASE_URL ? 12 : 0));
  });

  it('prunes rows past the retention period from a signed checkpoint and still verifies', async () => {
    await sealAuditChains(db(), key, w.clock.now());
    const before = chainOf((await verify()).chains, 'access').rows;
    w.clock.advance(200 * 86_400_000);
    await logPiiAccess(db(), {
      userId: w.actors.dispatcher.userId,
      orderId: orderIds[0]!,
      fields: ['caller_phone'],
      purpose: 'order.view',
      at: w.clock.now(),
    });
    const pruned = await pruneAuditTrail(db(), key, w.clock.now(), 183);
    expect(pruned.deleted).toBe(before);
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(chainOf(report.chains, 'access').rows).toBe(1);
    // The timeline is part of the order: never pruned.
    expect(chainOf(report.chains, 'timeline').rows).toBeGreaterThan(12);
    // A start moved to a recent checkpoint (deleting recent rows as if by retention) is caught.
    await sealAuditChains(db(), key, w.clock.now());
    const recent = await db()
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('stream', '=', 'access')
      .where('centre_id', '=', w.centreId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('audit_chains')
      .set({ pruned_seq: recent.seq, pruned_hash: recent.hash })
      .where('stream', '=', 'access')
      .where('centre_id', '=', w.centreId)
      .execute();
    expect(chainOf((await verify()).chains, 'access').broken).toMatchObject({ kind: 'prunedEarly' });
  });
});
