import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { liveHolderOf } from '../../db/data-dir-lock.js';
import { BackupError, createBackup, finishPgliteBackup, restoreBackup } from '../../backup/backup.service.js';
import { requestsDir } from '../../backup/backup-request.js';
import { withRuntime } from '../with-runtime.js';
import { CliError } from '../cli-error.js';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const log = (line: string) => console.error(line);

/**
 * Asks the running server that holds the embedded database for its snapshot, then finishes the backup
 * here (sums read back from the snapshot, files, manifest), off the server's event loop.
 */
async function backupThroughServer(pid: number, dataDir: string, out: string): Promise<void> {
  const dir = requestsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `request-${crypto.randomUUID()}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify({ out }));
  process.kill(pid, 'SIGUSR2');
  log(`服务进程 ${pid} 正在备份 / the running server (pid ${pid}) takes the backup …`);
  log(`数据库 / database (pglite) …`);
  const deadline = Date.now() + 60 * 60 * 1000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    if (fs.existsSync(`${base}.done`)) break;
    if (fs.existsSync(`${base}.error`)) throw new CliError('备份失败', fs.readFileSync(`${base}.error`, 'utf8'));
    if (Date.now() > deadline || liveHolderOf(path.join(dataDir, 'pgdata.lock')) !== pid) {
      throw new CliError('服务进程没有完成备份', 'the server did not finish the backup');
    }
  }
  for (const ext of ['taken', 'done']) fs.rmSync(`${base}.${ext}`, { force: true });
  await finishPgliteBackup({ dataDir, out, now: new Date(), log });
}

export const backupCommand = () =>
  new Command('backup')
    .description('备份数据库与附件文件（运行中也可）/ back up the database and the attachment files (also while running)')
    .option('--out <dir>', '备份目录 / backup directory (default: <data dir>/backups/lianxin-<time>)')
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      const out = path.resolve(opts.out ?? path.join(config.dataDir, 'backups', `lianxin-${stamp(new Date())}`));
      const holder = config.databaseUrl ? null : liveHolderOf(path.join(config.dataDir, 'pgdata.lock'));
      try {
        if (holder !== null) await backupThroughServer(holder, config.dataDir, out);
        else {
          await withRuntime((rt) =>
            createBackup(rt.database, { dataDir: config.dataDir, databaseUrl: config.databaseUrl, out, now: new Date(), log }),
          );
        }
      } catch (e) {
        if (e instanceof BackupError) throw new CliError(e.zh, e.en);
        throw e;
      }
      console.log(out);
    });

export const restoreCommand = () =>
  new Command('restore')
    .description(
      '从备份恢复到新的位置（空数据目录或空数据库）/ restore a backup into a fresh place (empty data directory or database)',
    )
    .argument('<dir>', '备份目录 / backup directory')
    .action(async (dir: string) => {
      const config = loadConfig();
      try {
        await restoreBackup({
          from: path.resolve(dir),
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          fsync: config.pgliteFsync,
          log,
        });
      } catch (e) {
        if (e instanceof BackupError) throw new CliError(e.zh, e.en);
        throw e;
      }
    });
