import fs from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../db/database.js';
import { requirePiiKeyring } from '../db/pii-columns.plugin.js';

// Attachment and portal-photo files are sealed on disk with the personal-data keyring (ADR 0172):
// AES-256-GCM, the key id in the file's header; opened on download. The row's size and sha256 are
// those of the plain file (what the user sent).

/** Writes a file sealed with the current key (the directory made as needed). */
export async function writeSealedFile(db: Executor, fullPath: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(fullPath), { recursive: true });
  await fs.writeFile(fullPath, requirePiiKeyring(db).sealBytes(data));
}

/** The plain bytes of a stored file (a file stored before sealing is read as it is). */
export async function readSealedFile(db: Executor, fullPath: string): Promise<Buffer> {
  return requirePiiKeyring(db).openBytes(await fs.readFile(fullPath));
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(full);
    else if (e.isFile() && !e.name.endsWith('.rewrap')) yield full;
  }
}

/** The data directory's folders of sealed files: attachments and portal photos, wish proof photos. */
const SEALED_DIRS = ['attachments', 'wish-photos'];

async function* sealedFiles(dataDir: string): AsyncGenerator<string> {
  for (const dir of SEALED_DIRS) yield* filesUnder(path.join(dataDir, dir));
}

/** Sealed files of the data directory per key id that sealed them ('plain' for older files). */
export async function countFilesByKey(db: Executor, dataDir: string): Promise<Record<string, number>> {
  const keyring = requirePiiKeyring(db);
  const counts: Record<string, number> = {};
  for await (const file of sealedFiles(dataDir)) {
    const handle = await fs.open(file, 'r');
    try {
      const head = Buffer.alloc(64);
      const { bytesRead } = await handle.read(head, 0, 64, 0);
      const id = keyring.bytesKeyId(head.subarray(0, bytesRead)) ?? 'plain';
      counts[id] = (counts[id] ?? 0) + 1;
    } finally {
      await handle.close();
    }
  }
  return counts;
}

/**
 * Re-seals every attachment file not sealed with the current key (older plain files included): the
 * new bytes go to a temporary file renamed over the old one, so a download meanwhile reads either.
 */
export async function rewrapAttachmentFiles(db: Executor, dataDir: string, onProgress?: (done: number) => void): Promise<number> {
  const keyring = requirePiiKeyring(db);
  let done = 0;
  for await (const file of sealedFiles(dataDir)) {
    const bytes = await fs.readFile(file);
    if (keyring.bytesKeyId(bytes) === keyring.currentId) continue;
    const tmp = `${file}.rewrap`;
    await fs.writeFile(tmp, keyring.sealBytes(keyring.openBytes(bytes)));
    await fs.rename(tmp, file);
    done++;
    onProgress?.(done);
  }
  return done;
}
