import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * Durable commits for the embedded database (ADR 0160). PGlite starts PostgreSQL with `-F`
 * (fsync = off), and its Node file system (Emscripten's NODEFS) has no fsync at all: a commit was
 * written to the OS page cache but never forced to disk, so a power cut or an OS crash could lose an
 * acknowledged order. Durable mode drops `-F`, makes WAL flushes use fsync() (fdatasync is a no-op in
 * the Emscripten runtime), and gives NODEFS an fsync that reaches the real file descriptor.
 */
type StreamOps = { fsync?: (stream: { nfd?: unknown }) => number };

let fsyncs = 0;
/** How many fsyncs the embedded databases of this process have made (a test sees commits reach the disk). */
export const durableFsyncCount = () => fsyncs;

/** NODEFS with a real fsync: what PostgreSQL asks for at each commit is done on the host's file. */
class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    const patch = (mod: { NODEFS: { stream_ops: StreamOps } }) => {
      mod.NODEFS.stream_ops.fsync = (stream) => {
        if (typeof stream.nfd === 'number') {
          fs.fsyncSync(stream.nfd);
          fsyncs += 1;
        }
        return 0;
      };
    };
    result.emscriptenOpts.preRun = [...(Array.isArray(preRun) ? preRun : [preRun]), patch as never];
    return result;
  }
}

/** The start parameters of a durable embedded server: PGlite's own, less `-F`, WAL synced by fsync(). */
export function durableStartParams(): string[] {
  const base = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...base.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];
}

/**
 * Opens the embedded database in `dir`; durable unless `fsync` is false (LIANXIN_PGLITE_FSYNC=false).
 * `loadDataDir`: a new directory is filled from this tarball (a backup, ADR 0162).
 */
export async function openPglite(dir: string | undefined, fsync: boolean, loadDataDir?: Blob): Promise<PGlite> {
  if (!dir || !fsync) {
    const pglite = new PGlite({ dataDir: dir, ...(loadDataDir ? { loadDataDir } : {}) });
    await pglite.waitReady;
    return pglite;
  }
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  const pglite = new PGlite({
    fs: new DurableNodeFS(dir),
    startParams: durableStartParams(),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  await pglite.waitReady;
  // A new cluster was written by initdb without fsync: force it to disk once, before any commit.
  if (fresh) syncTree(dir);
  return pglite;
}

function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(full);
    else if (entry.isFile()) syncFile(full, 'r');
  }
  syncFile(dir, 'r');
}

function syncFile(file: string, flags: string): void {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
