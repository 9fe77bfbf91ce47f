import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { createBackup } from './backup.service.js';

/**
 * The embedded database belongs to the running server's process, so `lianxin backup` asks that
 * process to take the backup (ADR 0162): it leaves `backups/request-<id>.json` ({ out }) in the data
 * directory and sends SIGUSR2 (the lock file names the pid); the server writes the backup, its
 * progress to `request-<id>.log`, and `request-<id>.done` or `.error` at the end.
 */
export const requestsDir = (dataDir: string) => path.join(dataDir, 'backups');

export function listenForBackupRequests(database: Database, dataDir: string, now: () => Date, log: (line: string) => void) {
  let running: Promise<void> = Promise.resolve();
  const handle = () => {
    running = running.then(() => takeRequests(database, dataDir, now, log)).catch(() => undefined);
  };
  process.on('SIGUSR2', handle);
  return () => process.removeListener('SIGUSR2', handle);
}

async function takeRequests(database: Database, dataDir: string, now: () => Date, log: (line: string) => void) {
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
      await createBackup(database, { dataDir, out, now: now(), log: (line) => fs.appendFileSync(`${base}.log`, `${line}\n`) });
      fs.writeFileSync(`${base}.done`, out);
    } catch (e) {
      fs.writeFileSync(`${base}.error`, e instanceof Error ? e.message : String(e));
    }
  }
}
