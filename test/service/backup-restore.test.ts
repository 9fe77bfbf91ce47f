import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../src/backup/backup.service.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { logPiiAccess } from '../../src/accesslog/pii-access-log.repository.js';
import { loadAuditKey } from '../../src/audit/audit-key.js';
import { verifyAuditTrail } from '../../src/audit/audit-verify.service.js';
import { sealAuditChains } from '../../src/audit/audit-seal.service.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

// ADR 0162: backup → restore into a fresh place gives every table and every file back exactly.
const { database, w } = useWorld();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-backup-'));
const server = process.env.TEST_DATABASE_URL;
const targetName = `lianxin_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  if (server) await admin(`drop database if exists ${targetName} with (force)`);
});

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** Every row of every table as text, sorted: what "exactly the same" compares. */
async function everyRow(db: Database['db']) {
  await sql`set timezone to 'UTC'`.execute(db);
  const tables = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ r: string }>`select t::text as r from ${sql.table(name)} t order by 1`.execute(db);
    out[name] = rows.rows.map((x) => x.r);
  }
  return out;
}

describe('backup and restore', { timeout: 120_000 }, () => {
  it('restores every table and file exactly, into a fresh place', async () => {
    const order = await newOrder(w, { title: '备份测试' });
    await logPiiAccess(database.db, {
      userId: w.actors.dispatcher.userId,
      orderId: order.id,
      fields: ['caller_phone'],
      purpose: 'order.view',
      at: w.clock.now(),
    });
    const keyFile = path.join(root, 'keys', 'audit.pem');
    await sealAuditChains(database.db, loadAuditKey(keyFile), w.clock.now());
    // Files of the data directory: an attachment (binary) and a nested photo.
    const attachment = path.join(w.deps.dataDir, 'attachments', w.centreId, '2025-03', 'a1');
    fs.mkdirSync(path.dirname(attachment), { recursive: true });
    fs.writeFileSync(attachment, Buffer.from([0, 1, 2, 255, 254, 10, 13]));
    fs.mkdirSync(path.join(w.deps.dataDir, 'portal', 'x'), { recursive: true });
    fs.writeFileSync(path.join(w.deps.dataDir, 'portal', 'x', 'photo.jpg'), 'jpeg bytes');

    const out = path.join(root, 'backup');
    const lines: string[] = [];
    const manifest = await createBackup(database, {
      dataDir: w.deps.dataDir,
      databaseUrl: server ? await currentUrl(database) : undefined,
      out,
      now: w.clock.now(),
      log: (l) => lines.push(l),
    });
    expect(manifest.files.map((f) => f.path).sort()).toEqual([
      path.join('attachments', w.centreId, '2025-03', 'a1'),
      path.join('portal', 'x', 'photo.jpg'),
    ]);
    expect(manifest.tables.orders!.rows).toBeGreaterThanOrEqual(1);
    expect(lines.some((l) => l.startsWith('文件 / files: 2/2'))).toBe(true);

    const target = path.join(root, 'restored');
    fs.mkdirSync(target);
    let targetUrl: string | undefined;
    if (server) {
      await admin(`create database ${targetName}`);
      const url = new URL(server);
      url.pathname = `/${targetName}`;
      targetUrl = url.toString();
    }
    const result = await restoreBackup({ from: out, dataDir: target, databaseUrl: targetUrl, log: () => {} });
    expect(result.files).toBe(2);

    const restored = await openDatabase(targetUrl ? { url: targetUrl } : { pgliteDir: path.join(target, 'pgdata') });
    try {
      const [before, after] = [await everyRow(database.db), await everyRow(restored.db)];
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
      // The audit chain came along whole, checkpoints and all.
      expect((await verifyAuditTrail(restored.db, loadAuditKey(keyFile), { now: w.clock.now() })).ok).toBe(true);
    } finally {
      await restored.close();
    }
    for (const f of manifest.files) {
      expect(fs.readFileSync(path.join(target, f.path))).toEqual(fs.readFileSync(path.join(w.deps.dataDir, f.path)));
    }
    // Never over an existing database.
    await expect(restoreBackup({ from: out, dataDir: target, databaseUrl: targetUrl, log: () => {} })).rejects.toThrow(
      /restore into/,
    );
  });
});

async function currentUrl(db: Database) {
  const { rows } = await sql<{ d: string }>`select current_database() as d`.execute(db.db);
  const url = new URL(server!);
  url.pathname = `/${rows[0]!.d}`;
  return url.toString();
}
