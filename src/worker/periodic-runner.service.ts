import { ensureJobLease, finishJobLease, takeJobLease } from './job-lease.repository.js';
import type { PeriodicJob } from './periodic-job.js';
import type { WorkerDeps } from './worker-deps.js';

export interface JobRun {
  name: string;
  ran: boolean;
  summary?: string;
  error?: string;
}

/**
 * Runs every job whose interval has come and whose lease this process wins. A job that throws is
 * recorded (job_leases.last_error) and does not stop the others.
 */
export async function runDuePeriodicJobs(deps: WorkerDeps, jobs: readonly PeriodicJob[], holder: string): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for (const job of jobs) {
    const now = deps.clock.now();
    await ensureJobLease(deps.db, job.name, now);
    const won = await takeJobLease(deps.db, {
      name: job.name,
      holder,
      now,
      nextRunAt: new Date(now.getTime() + job.everyMs),
    });
    if (!won) {
      runs.push({ name: job.name, ran: false });
      continue;
    }
    try {
      const summary = (await job.run(deps)) ?? undefined;
      await finishJobLease(deps.db, { name: job.name, at: deps.clock.now(), error: null });
      runs.push({ name: job.name, ran: true, summary });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await finishJobLease(deps.db, { name: job.name, at: deps.clock.now(), error });
      deps.log(`job ${job.name} failed: ${error}`);
      runs.push({ name: job.name, ran: true, error });
    }
  }
  return runs;
}
