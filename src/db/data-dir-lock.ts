import fs from 'node:fs';
import { text } from '../i18n/messages.js';

/**
 * The embedded database (PGlite) must be opened by one process at a time: two writers on the same
 * files can leave a directory that no longer opens (seen: a CLI command run while the server was up).
 * A lock file beside the database names the process holding it; a lock whose process is gone is
 * stale (a crash, a kill -9) and is taken over.
 */
export class DataDirInUseError extends Error {}

/** A killed process whose parent has not collected it yet (Linux: state Z) holds nothing any more. */
const isZombie = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false; // no /proc (not Linux), or gone already
  }
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
};

const holderOf = (lockPath: string): number | null => {
  try {
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // removed meanwhile, or half-written by a process that died: stale
  }
};

/** The live process holding the lock, if any (a stale lock's dead process is not one). */
export function liveHolderOf(lockPath: string): number | null {
  const pid = holderOf(lockPath);
  return pid !== null && pid !== process.pid && isAlive(pid) ? pid : null;
}

/** Takes the lock or throws DataDirInUseError; returns the function that releases it (idempotent). */
export function lockDataDir(lockPath: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return releaser(lockPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = holderOf(lockPath);
      // The same process opening it twice is just as unsafe as another process.
      if (pid !== null && isAlive(pid)) {
        const message = text('error.dataDirInUse', { dir: dataDir, pid });
        throw new DataDirInUseError(`${message.zh}\n${message.en}`);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`${lockPath}: lock could not be taken`);
}

function releaser(lockPath: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (holderOf(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return release;
}
