import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { snapshotForBackup } from './backup.service.js';

/**
 * The embedded database belongs to the running server's process, so `lianxin backup` asks that
 * process to take the snapshot (ADR 0162): it leaves `backups/request-<id>.json` ({ out }) in the data
 * directory and sends SIGUSR2 (the lock file names the pid); the server writes the database tarball into
 * `out`, then `request-<id>.done` or `.error`. The asking process does the rest (sums, files, manifest).
 */
export const requestsDir = (dataDir: string) => path.join(dataDir, 'backups');

export function listenForBackupRequests(database: Database, dataDir: string, log: (line: string) => void) {
  let running: Promise<void> = Promise.resolve();
  const handle = () => {
    running = running.then(() => takeRequests(database, dataDir, log)).catch(() => undefined);
  };
  process.on('SIGUSR2', handle);
  return () => process.removeListener('SIGUSR2', handle);
}

async function takeRequests(database: Database, dataDir: string, log: (line: string) => void) {
  const dir = requestsDir(dataDir);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).filter((n) => /^request-[\w-]+\.json$/.test(n))) {
    const base = path.join(dir, name.replace(/\.json$/, ''));
    const taken = `${base}.taken`;
    try {
      fs.renameSync(path.join(dir, name), taken); // one taker per request
    } catch {
      continue;
    }
    const { out } = JSON.parse(fs.readFileSync(taken, 'utf8')) as { out: string };
    log(`backup: writing ${out}`);
    try {
      await snapshotForBackup(database, out);
      fs.writeFileSync(`${base}.done`, out);
    } catch (e) {
      fs.writeFileSync(`${base}.error`, e instanceof Error ? e.message : String(e));
    }
  }
}
