import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** Makes sure a lease row exists, due at once; a repeated call changes nothing. */
export async function ensureJobLease(db: Executor, name: string, now: Date): Promise<void> {
  await db
    .insertInto('job_leases')
    .values({ name, next_run_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * Takes this interval's run of a job: a conditional update that only one process can win, because
 * the winner moves next_run_at past now. Returns false when another process already took it.
 */
export async function takeJobLease(
  db: Executor,
  opts: { name: string; holder: string; now: Date; nextRunAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({
      next_run_at: opts.nextRunAt,
      holder: opts.holder,
      last_started_at: opts.now,
      run_count: sql<number>`run_count + 1`,
    })
    .where('name', '=', opts.name)
    .where('next_run_at', '<=', opts.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishJobLease(db: Executor, opts: { name: string; at: Date; error: string | null }): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ last_finished_at: opts.at, last_error: opts.error?.slice(0, 2000) ?? null })
    .where('name', '=', opts.name)
    .execute();
}

export async function listJobLeases(db: Executor) {
  return db.selectFrom('job_leases').selectAll().orderBy('name').execute();
}
