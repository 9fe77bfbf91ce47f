import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What of the data directory is not copied as files: the database itself, its lock, keys, backups. */
const NOT_FILES = new Set(['pgdata', 'pgdata.lock', 'keys', 'backups']);

export interface FileEntry {
  path: string;
  size: number;
  sha256: string;
}

/** Every file under the data directory that a backup carries (attachments, photos, recordings…). */
export function listDataFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const full = path.join(dataDir, rel);
    if (!fs.existsSync(full)) return;
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const child = rel ? path.join(rel, entry.name) : entry.name;
      if (!rel && NOT_FILES.has(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export const sha256Of = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Copies `files` (relative paths) from one root to another, checking each copy; reports progress. */
export function copyFiles(
  files: readonly string[],
  from: string,
  to: string,
  progress: (done: number, bytes: number) => void,
): FileEntry[] {
  const entries: FileEntry[] = [];
  let bytes = 0;
  for (const rel of files) {
    const source = path.join(from, rel);
    const target = path.join(to, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
    const sha256 = sha256Of(target);
    const size = fs.statSync(target).size;
    entries.push({ path: rel, size, sha256 });
    bytes += size;
    progress(entries.length, bytes);
  }
  return entries;
}
