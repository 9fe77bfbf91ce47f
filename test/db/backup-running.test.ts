import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { signInOperator, spawnEmbeddedServer } from '../helpers/embedded-server.js';

// ADR 0162: `lianxin backup` of the embedded database while its server runs and takes orders; the
// backup restores into a fresh place with every table as dumped and every order acknowledged before it.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-backup-running-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const run = promisify(execFile);
const lianxin = (dataDir: string, ...args: string[]) =>
  run('node', ['bin/lianxin.mjs', ...args], {
    env: { ...process.env, LIANXIN_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

describe('backup of the running embedded server', { timeout: 240_000 }, () => {
  it('takes a consistent backup under intake load, which restores exactly', async () => {
    const dir = path.join(root, 'live');
    fs.mkdirSync(path.join(dir, 'attachments', 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'attachments', 'c', 'f1'), 'attachment bytes');
    const { server, exited, ready } = spawnEmbeddedServer(dir);
    const acknowledgedBefore: string[] = [];
    let backupOutput: string | undefined;
    try {
      const base = await ready;
      const token = await signInOperator(base);
      let stop = false;
      let backupStarted = false;
      let n = 0;
      const client = async () => {
        while (!stop) {
          const i = n++;
          const res = await fetch(`${base}/api/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              channel: 'phone',
              appealType: 'complaint',
              priority: 3,
              title: `备份期间 ${i}`,
              content: '小区路灯不亮，夜间出行不便，请尽快维修。',
              callerName: '赵女士',
              callerPhone: `137${String(i).padStart(8, '0')}`,
            }),
          });
          if (res.status === 201 && !backupStarted) acknowledgedBefore.push(((await res.json()) as { orderNo: string }).orderNo);
          else await res.arrayBuffer();
        }
      };
      const clients = Array.from({ length: 4 }, client);
      // Some orders in before the backup starts (a loaded machine takes a while for the first).
      for (let waited = 0; acknowledgedBefore.length < 5 && waited < 60_000; waited += 200) {
        await new Promise((r) => setTimeout(r, 200));
      }
      backupStarted = true;
      const backup = await lianxin(dir, 'backup', '--out', path.join(root, 'backup'));
      backupOutput = backup.stderr;
      stop = true;
      await Promise.all(clients);
    } finally {
      process.kill(-server.pid!, 'SIGKILL');
      await exited;
    }
    expect(backupOutput).toMatch(/the running server \(pid \d+\) takes the backup/);
    expect(backupOutput).toMatch(/文件 \/ files: 1\/1/);
    expect(acknowledgedBefore.length).toBeGreaterThan(3);

    // Restore checks each table's sum and each file's sha256 against the backup's manifest.
    const fresh = path.join(root, 'fresh');
    const restored = await lianxin(fresh, 'restore', path.join(root, 'backup'));
    expect(restored.stderr).toMatch(/each as in the backup/);
    expect(fs.readFileSync(path.join(fresh, 'attachments', 'c', 'f1'), 'utf8')).toBe('attachment bytes');
    const database = await openDatabase({ pgliteDir: path.join(fresh, 'pgdata') });
    try {
      const have = new Set((await database.db.selectFrom('orders').select('order_no').execute()).map((r) => r.order_no));
      expect(acknowledgedBefore.filter((no) => !have.has(no))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
