import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { durableFsyncCount } from '../../src/db/pglite-durable.js';
import { signInOperator, spawnEmbeddedServer } from '../helpers/embedded-server.js';

// ADR 0160: the embedded database flushes every commit to disk unless told not to.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-durable-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function settingsOf(dir: string, fsync?: boolean) {
  const database = await openDatabase({ pgliteDir: dir, ...(fsync === undefined ? {} : { fsync }) });
  try {
    const show = async (name: string) =>
      (await sql<Record<string, string>>`select current_setting(${name}) as v`.execute(database.db)).rows[0].v;
    await sql`create table if not exists probe (n int)`.execute(database.db);
    const before = durableFsyncCount();
    await sql`insert into probe values (1)`.execute(database.db);
    return { fsync: await show('fsync'), walSync: await show('wal_sync_method'), commitSynced: durableFsyncCount() > before };
  } finally {
    await database.close();
  }
}

describe('durable embedded database', { timeout: 180_000 }, () => {
  it('runs with fsync on by default, and off only when asked', async () => {
    // A commit reaches the host's fsync (PGlite's own file system has none: ADR 0160).
    expect(await settingsOf(path.join(root, 'default'))).toEqual({ fsync: 'on', walSync: 'fsync', commitSynced: true });
    expect(await settingsOf(path.join(root, 'fast'), false)).toMatchObject({ fsync: 'off', commitSynced: false });
    // The setting is per opening: the same directory opens durable again.
    expect((await settingsOf(path.join(root, 'fast'))).fsync).toBe('on');
  });

  it('loses no acknowledged order when the server is killed (kill -9) under intake load', async () => {
    const dir = path.join(root, 'killed');
    fs.mkdirSync(dir);
    const { server, exited, ready } = spawnEmbeddedServer(dir);
    const acknowledged: string[] = [];
    try {
      const base = await ready;
      const token = await signInOperator(base);
      let killed = false;
      let i = 0;
      const client = async () => {
        while (!killed) {
          const n = i++;
          try {
            const res = await fetch(`${base}/api/orders`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({
                channel: 'phone',
                appealType: 'complaint',
                priority: 3,
                title: `停电测试 ${n}`,
                content: '小区夜间施工噪音扰民，请有关部门处理。',
                callerName: '李先生',
                callerPhone: `139${String(n).padStart(8, '0')}`,
              }),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { orderNo: string }).orderNo);
          } catch {
            // the connection died with the server: this order was never acknowledged
          }
        }
      };
      const clients = Array.from({ length: 8 }, client);
      await new Promise((r) => setTimeout(r, 3000));
      process.kill(-server.pid!, 'SIGKILL');
      killed = true;
      await Promise.all(clients);
    } finally {
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGKILL');
      await exited;
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    await new Promise((r) => setTimeout(r, 500)); // the group's children end a moment after its leader
    const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
    try {
      const stored = await database.db.selectFrom('orders').select('order_no').execute();
      const have = new Set(stored.map((r) => r.order_no));
      const missing = acknowledged.filter((no) => !have.has(no));
      expect(missing).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
