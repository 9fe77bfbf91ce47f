import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';
import { copyFiles, listDataFiles, sha256Of, type FileEntry } from './backup-files.js';
import { isEmptyDatabase, runOn, tableSums, type RunSql, type TableSum } from './backup.repository.js';

/**
 * `lianxin backup` / `lianxin restore` (ADR 0162). A backup is a directory: the database (PGlite: its
 * data directory as a tarball taken while no transaction is open; PostgreSQL: pg_dump's custom format
 * from one snapshot), every file of the data directory (attachments, photos, recordings) with its
 * sha256, and manifest.json — written last, so a backup without it is incomplete — with each table's
 * row count and content sum as they are in the dump. Keys are never in it (README: keys guidance).
 */
export interface BackupManifest {
  format: 'lianxin-backup-v1';
  createdAt: string;
  database: 'pglite' | 'postgres';
  tables: Record<string, TableSum>;
  files: FileEntry[];
}

export type Progress = (line: string) => void;

const DUMP = { pglite: 'database.tar.gz', postgres: 'database.dump' } as const;

export class BackupError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every `everyMs` at most (and at the end): a long copy says how far it is. */
const throttled = (log: Progress, everyMs = 1000) => {
  let last = 0;
  return (line: string, force = false) => {
    if (!force && performance.now() - last < everyMs) return;
    last = performance.now();
    log(line);
  };
};

export async function createBackup(
  database: Database,
  options: { dataDir: string; databaseUrl?: string; out: string; now: Date; log: Progress },
): Promise<BackupManifest> {
  prepareBackupDir(options.out);
  options.log(`数据库 / database (${database.kind}) …`);
  if (database.kind === 'pglite') {
    await snapshotPglite(database, options.out);
    return finishPgliteBackup(options);
  }
  const tables = await dumpPostgres(options.databaseUrl!, path.join(options.out, DUMP.postgres));
  return finishBackup({ ...options, kind: 'postgres', tables });
}

function prepareBackupDir(out: string) {
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    throw new BackupError(`备份目录不是空的：${out}`, `the backup directory is not empty: ${out}`);
  }
  fs.mkdirSync(out, { recursive: true });
}

/**
 * The running embedded server's part of `lianxin backup` (ADR 0162): only what needs its database —
 * the data directory as a tarball, taken while no transaction is open. Reading the tarball back, the
 * files and the manifest are the asking process's part (`finishPgliteBackup`): done in the server, they
 * shared its one event loop with the intake it serves, and under load opening the copy alone took
 * minutes.
 */
export async function snapshotForBackup(database: Database, out: string): Promise<void> {
  prepareBackupDir(out);
  await snapshotPglite(database, out);
}

/** The asking process's part after the server's snapshot: sums from the tarball, files, manifest. */
export async function finishPgliteBackup(options: { dataDir: string; out: string; now: Date; log: Progress }) {
  return finishBackup({ ...options, kind: 'pglite', tables: await sumsOfPgliteSnapshot(options.out) });
}

function finishBackup(options: {
  kind: Database['kind'];
  tables: Record<string, TableSum>;
  dataDir: string;
  out: string;
  now: Date;
  log: Progress;
}): BackupManifest {
  const { out, log, tables } = options;
  const dumpSize = fs.statSync(path.join(out, DUMP[options.kind])).size;
  const rows = Object.values(tables).reduce((n, t) => n + t.rows, 0);
  log(`数据库 / database: ${Object.keys(tables).length} tables, ${rows} rows, ${mb(dumpSize)}`);
  const names = listDataFiles(options.dataDir);
  const say = throttled(log);
  const files = copyFiles(names, options.dataDir, path.join(out, 'files'), (done, bytes) =>
    say(`文件 / files: ${done}/${names.length} (${mb(bytes)})`, done === names.length),
  );
  if (names.length === 0) log('文件 / files: 0');
  const manifest: BackupManifest = {
    format: 'lianxin-backup-v1',
    createdAt: options.now.toISOString(),
    database: options.kind,
    tables,
    files,
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  log(`完成 / done: ${out}`);
  return manifest;
}

async function snapshotPglite(database: Database, out: string): Promise<void> {
  const blob = await database.dumpDataDir!();
  fs.writeFileSync(path.join(out, DUMP.pglite), Buffer.from(await blob.arrayBuffer()));
}

/** The sums of what is in the tarball, read back from the tarball itself. */
async function sumsOfPgliteSnapshot(out: string): Promise<Record<string, TableSum>> {
  const copy = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(path.join(out, DUMP.pglite))]) });
  try {
    return await tableSums(runOn(copy.db));
  } finally {
    await copy.close();
  }
}

/** pg_dump from a snapshot that the sums are read in too: both see exactly the same rows. */
async function dumpPostgres(url: string, file: string): Promise<Record<string, TableSum>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ s: string }>('select pg_export_snapshot() as s');
    const dump = run('pg_dump', ['--format=custom', '--no-owner', `--snapshot=${rows[0]!.s}`, `--file=${file}`, url]);
    const sums = await tableSums(clientRunner(client));
    await dump;
    await client.query('commit');
    return sums;
  } finally {
    await client.end();
  }
}

const clientRunner =
  (client: pg.Client): RunSql =>
  async (text) =>
    (await client.query(text)).rows as Record<string, unknown>[];

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) =>
      reject(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new BackupError(
              `找不到 ${command}（apt-get install postgresql-client）`,
              `${command} not found (apt-get install postgresql-client)`,
            )
          : e,
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} 失败`, `${command} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

export interface RestoreResult {
  tables: number;
  rows: number;
  files: number;
}

/**
 * Restores a backup into a fresh place: an embedded data directory without a database yet, or an
 * empty PostgreSQL database; then checks every table's sum and every file's sha256 against the manifest.
 */
export async function restoreBackup(options: {
  from: string;
  dataDir: string;
  databaseUrl?: string;
  fsync?: boolean;
  log: Progress;
}): Promise<RestoreResult> {
  const { from, dataDir, log } = options;
  const manifestFile = path.join(from, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new BackupError(`不是完整的备份（缺 manifest.json）：${from}`, `not a complete backup (no manifest.json): ${from}`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  const target = options.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.database !== target) {
    throw new BackupError(
      `备份来自 ${manifest.database}，目标是 ${target}：请恢复到同类数据库`,
      `the backup is of ${manifest.database} and the target is ${target}: restore into the same kind`,
    );
  }
  log(`数据库 / database (${target}) …`);
  const sums =
    target === 'pglite'
      ? await restorePglite(path.join(from, DUMP.pglite), dataDir, options.fsync ?? true)
      : await restorePostgres(path.join(from, DUMP.postgres), options.databaseUrl!);
  const differing = Object.keys({ ...manifest.tables, ...sums }).filter(
    (t) => manifest.tables[t]?.md5 !== sums[t]?.md5 || manifest.tables[t]?.rows !== sums[t]?.rows,
  );
  if (differing.length > 0) {
    throw new BackupError(
      `恢复后这些表与备份不符：${differing.join(', ')}`,
      `these tables differ from the backup: ${differing.join(', ')}`,
    );
  }
  const rows = Object.values(sums).reduce((n, t) => n + t.rows, 0);
  log(`数据库 / database: ${Object.keys(sums).length} tables, ${rows} rows, each as in the backup`);
  const say = throttled(log);
  const copied = copyFiles(
    manifest.files.map((f) => f.path),
    path.join(from, 'files'),
    dataDir,
    (done, bytes) => say(`文件 / files: ${done}/${manifest.files.length} (${mb(bytes)})`, done === manifest.files.length),
  );
  const bad = manifest.files.filter(
    (f, i) => copied[i]!.sha256 !== f.sha256 || sha256Of(path.join(dataDir, f.path)) !== f.sha256,
  );
  if (bad.length > 0) {
    throw new BackupError(
      `这些文件与备份不符：${bad.map((f) => f.path).join(', ')}`,
      `these files differ from the backup: ${bad.map((f) => f.path).join(', ')}`,
    );
  }
  log(`完成 / done: ${Object.keys(sums).length} tables, ${rows} rows, ${copied.length} files`);
  return { tables: Object.keys(sums).length, rows, files: copied.length };
}

async function restorePglite(file: string, dataDir: string, fsync: boolean): Promise<Record<string, TableSum>> {
  const pgdata = path.join(dataDir, 'pgdata');
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
    throw new BackupError(
      `目标已有数据库：${pgdata}（请恢复到新的位置）`,
      `there is a database at ${pgdata} already (restore into a fresh place)`,
    );
  }
  const database = await openDatabase({ pgliteDir: pgdata, fsync, loadDataDir: new Blob([fs.readFileSync(file)]) });
  try {
    return await tableSums(runOn(database.db));
  } finally {
    await database.close();
  }
}

async function restorePostgres(file: string, url: string): Promise<Record<string, TableSum>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!(await isEmptyDatabase(clientRunner(client)))) {
      throw new BackupError(
        '目标数据库不是空的（请恢复到新建的数据库）',
        'the target database is not empty (restore into a new database)',
      );
    }
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file]);
    return await tableSums(clientRunner(client));
  } finally {
    await client.end();
  }
}
