import type { WorkerDeps } from './worker-deps.js';

/**
 * A job the worker runs every `everyMs`. Across all server processes it runs at most once per
 * interval (job_leases). It should do bounded work per run and be safe to run again (a crash after
 * the lease is taken skips one interval; the next run catches up).
 */
export interface PeriodicJob {
  readonly name: string;
  readonly everyMs: number;
  /** Returns an optional one-line summary for the log. */
  run(deps: WorkerDeps): Promise<string | void>;
}
