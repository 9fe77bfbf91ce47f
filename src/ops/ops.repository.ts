import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface OutboxBacklog {
  /** Messages not yet done and not given up on. */
  pending: number;
  /** Of those, the ones already due (available_at passed): the worker's real backlog. */
  due: number;
  /** When the oldest due message became due; null when none is due. */
  oldestDueAt: Date | null;
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
  return {
    pending: Number(row.pending),
    due: Number(row.due),
    oldestDueAt: row.oldest ? new Date(row.oldest) : null,
    failed: Number(row.failed),
  };
}

export interface JobLag {
  name: string;
  /** When the job's next run is due (its lag is now − this, when positive). */
  nextRunAt: Date;
  /** Seconds its last finished run took; null before the first one. */
  lastRunSeconds: number | null;
  failedLastRun: boolean;
}

/** Each periodic job's next due time and last run, from its lease row (a handful of rows). */
export async function jobLags(db: Executor): Promise<JobLag[]> {
  const rows = await db
    .selectFrom('job_leases')
    .select(['name', 'next_run_at', 'last_started_at', 'last_finished_at', 'last_error'])
    .execute();
  return rows.map((r) => {
    const started = r.last_started_at ? new Date(r.last_started_at).getTime() : null;
    const finished = r.last_finished_at ? new Date(r.last_finished_at).getTime() : null;
    return {
      name: r.name,
      nextRunAt: new Date(r.next_run_at),
      lastRunSeconds: started !== null && finished !== null && finished >= started ? (finished - started) / 1000 : null,
      failedLastRun: r.last_error !== null,
    };
  });
}

/** The database answers a trivial statement (readiness). */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The migrations recorded as applied (Kysely's own table, written by db/migrate.ts). */
export async function appliedMigrationNames(db: Executor): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return new Set(rows.map((r) => r.name));
}
