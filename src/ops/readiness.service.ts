import type { Executor } from '../db/database.js';
import { migrations } from '../db/migrations/index.js';
import type { MessageKey } from '../i18n/messages.js';
import { appliedMigrationNames, pingDatabase } from './ops.repository.js';

/** A readiness probe waits this long for the database; a probe that hangs is worse than a 503. */
export const READINESS_TIMEOUT_MS = 2_000;

export type Readiness =
  | { ready: true; checks: { database: 'ok'; migrations: 'ok' } }
  | {
      ready: false;
      code: 'DB_DOWN' | 'DB_SLOW' | 'MIGRATIONS_PENDING';
      message: MessageKey;
      details: Record<string, string | number>;
    };

class TimedOut extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this web process should take traffic (/readyz): the database answers within
 * READINESS_TIMEOUT_MS, and every migration this code knows is applied (a process started against a
 * database another version has not yet migrated, or restored from an older backup, answers 503
 * until it is). Migrations only go forward, so once they are all there the check is not repeated:
 * a probe costs one `select 1`. Migrations the code does not know (a newer version's, during a
 * rolling upgrade) do not make it unready. The worker is no part of it: its progress is the job lag
 * and outbox age in /metrics, and a slow worker is no reason to stop answering requests (ADR 0203).
 */
export function readinessProbe(
  db: Executor,
  options: { known?: readonly string[]; timeoutMs?: number } = {},
): () => Promise<Readiness> {
  const known = options.known ?? Object.keys(migrations);
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  let migrationsCurrent = false;
  return async (): Promise<Readiness> => {
    try {
      await within(timeoutMs, pingDatabase(db));
      if (!migrationsCurrent) {
        const applied = await within(timeoutMs, appliedMigrationNames(db));
        const pending = known.filter((name) => !applied.has(name));
        if (pending.length > 0) {
          return {
            ready: false,
            code: 'MIGRATIONS_PENDING',
            message: 'error.migrationsPending',
            details: { pending: pending.length, firstPending: [...pending].sort()[0]! },
          };
        }
        migrationsCurrent = true;
      }
      return { ready: true, checks: { database: 'ok', migrations: 'ok' } };
    } catch (e) {
      return e instanceof TimedOut
        ? { ready: false, code: 'DB_SLOW', message: 'error.dbSlow', details: { timeoutMs } }
        : { ready: false, code: 'DB_DOWN', message: 'error.dbDown', details: {} };
    }
  };
}
