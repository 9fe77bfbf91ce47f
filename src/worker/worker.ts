import os from 'node:os';
import { drainOutbox, type DispatchResult } from './outbox-dispatcher.service.js';
import type { OutboxHandler } from './outbox-handlers.js';
import { outboxHandlers } from './outbox-topics.js';
import { EVENT_ONLY_TOPICS } from '../outbox/outbox-topics.js';
import type { PeriodicJob } from './periodic-job.js';
import { periodicJobs } from './periodic-jobs.js';
import { runDuePeriodicJobs, type JobRun } from './periodic-runner.service.js';
import type { WorkerDeps } from './worker-deps.js';

export interface WorkerOptions {
  /** Pause between ticks when there was nothing to do. */
  pollMs?: number;
  jobs?: readonly PeriodicJob[];
  handlers?: readonly OutboxHandler[];
  batchSize?: number;
}

export interface TickResult {
  jobs: JobRun[];
  outbox: DispatchResult;
}

export interface RunningWorker {
  readonly holder: string;
  /** Runs one tick now (tests, CLI); waits for a tick already running first. */
  tick(): Promise<TickResult>;
  stop(): Promise<void>;
}

/** One tick: the due periodic jobs, then the outbox until nothing is due (bounded). */
export async function workerTick(deps: WorkerDeps, holder: string, options: WorkerOptions = {}): Promise<TickResult> {
  const jobs = await runDuePeriodicJobs(deps, options.jobs ?? periodicJobs, holder);
  const handlers = options.handlers ?? outboxHandlers;
  const topics = [...new Set([...handlers.map((h) => h.topic), ...EVENT_ONLY_TOPICS])];
  const outbox = await drainOutbox(deps, { handlers, topics, batchSize: options.batchSize });
  return { jobs, outbox };
}

/**
 * The background worker of one process. Ticks are serialised within the process; across processes
 * the database coordinates (job leases, SKIP LOCKED claims), so any number may run.
 */
export function startWorker(deps: WorkerDeps, options: WorkerOptions = {}): RunningWorker {
  const holder = `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<TickResult> = Promise.resolve({ jobs: [], outbox: { claimed: 0, done: 0, retried: 0, failed: 0 } });

  const tick = (): Promise<TickResult> => {
    current = current.catch(() => undefined).then(() => workerTick(deps, holder, options));
    return current;
  };
  const loop = async () => {
    if (stopped) return;
    let busy = false;
    try {
      const r = await tick();
      busy = r.outbox.claimed > 0;
    } catch (e) {
      deps.log(`worker tick failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!stopped) timer = setTimeout(loop, busy ? 0 : pollMs);
  };
  timer = setTimeout(loop, 0);

  return {
    holder,
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}
