import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface OutboxBacklog {
  /** Messages not yet done and not given up on. */
  pending: number;
  /** Of those, the ones already due (available_at passed): the worker's real backlog. */
  due: number;
  /** Age of the oldest due message in seconds; 0 when none is due. */
  oldestDueSeconds: number;
  /** Messages the worker gave up on (failed_at set): each needs a person. */
  failed: number;
}

/** The outbox as the worker sees it: one aggregate statement on the open-messages index. */
export async function outboxBacklog(db: Executor, now: Date): Promise<OutboxBacklog> {
  const row = await db
    .selectFrom('outbox')
    .select([
      sql<number>`count(*) filter (where failed_at is null)`.as('pending'),
      sql<number>`count(*) filter (where failed_at is null and available_at <= ${now})`.as('due'),
      sql<Date | null>`min(available_at) filter (where failed_at is null and available_at <= ${now})`.as('oldest'),
      sql<number>`count(*) filter (where failed_at is not null)`.as('failed'),
    ])
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  const oldest = row.oldest ? new Date(row.oldest).getTime() : null;
  return {
    pending: Number(row.pending),
    due: Number(row.due),
    oldestDueSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
    failed: Number(row.failed),
  };
}

export interface JobLag {
  name: string;
  /** Seconds the job is overdue (now − next_run_at), 0 when it is not yet due. */
  lagSeconds: number;
  /** Seconds its last finished run took; null before the first one. */
  lastRunSeconds: number | null;
  failedLastRun: boolean;
}

/** Each periodic job's lateness and last run, from its lease row. */
export async function jobLags(db: Executor, now: Date): Promise<JobLag[]> {
  const rows = await db
    .selectFrom('job_leases')
    .select(['name', 'next_run_at', 'last_started_at', 'last_finished_at', 'last_error'])
    .execute();
  return rows.map((r) => {
    const started = r.last_started_at ? new Date(r.last_started_at).getTime() : null;
    const finished = r.last_finished_at ? new Date(r.last_finished_at).getTime() : null;
    return {
      name: r.name,
      lagSeconds: Math.max(0, (now.getTime() - new Date(r.next_run_at).getTime()) / 1000),
      lastRunSeconds: started !== null && finished !== null && finished >= started ? (finished - started) / 1000 : null,
      failedLastRun: r.last_error !== null,
    };
  });
}

/** The database answers a trivial statement (readiness). */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
