import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * A migrated, empty embedded database as a data-directory tarball, kept in the system's temp folder.
 *
 * Why: a new in-memory PGlite spends about two seconds in initdb and more in the migrations; a scratch
 * database filled from this tarball opens in under one. Tests open one per file (about 140 files per
 * run, twice that with the browser journeys), so this is minutes of every `npm test`.
 *
 * The file's name carries a hash of the migration sources and the PGlite version, so a changed or
 * added migration makes a new template rather than reusing a stale one. Several test workers may
 * build it at once; each writes its own temp file and renames it into place, so a reader never sees
 * half a file.
 */
export async function migratedPgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `lianxin-pglite-template-${migrationsFingerprint()}.tar.gz`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const database = await openDatabase({});
  try {
    await migrateToLatest(database.db);
    const tarball = await database.dumpDataDir!();
    const partial = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    fs.renameSync(partial, file);
    return tarball;
  } finally {
    await database.close();
  }
}

function migrationsFingerprint(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.join(here, 'migrations');
  const hash = crypto.createHash('sha256');
  hash.update(pgliteVersion());
  for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  for (const runner of ['migrate.ts', 'migrate.js']) {
    if (fs.existsSync(path.join(here, runner))) hash.update(fs.readFileSync(path.join(here, runner)));
  }
  return hash.digest('hex').slice(0, 16);
}

function pgliteVersion(): string {
  const manifest = path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version : 'unknown';
}
