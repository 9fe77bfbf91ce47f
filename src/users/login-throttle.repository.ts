import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** The buckets of these keys (account name, client address) as they stand. */
export async function findThrottleBuckets(db: Executor, keys: string[]) {
  return db.selectFrom('login_throttle').selectAll().where('bucket_key', 'in', keys).execute();
}

/**
 * Counts one failed sign-in in a bucket, in one statement (concurrent failures all count): a window
 * that has run out starts again at `at` with this failure.
 */
export async function countThrottleFailure(db: Executor, key: string, at: Date, windowMs: number) {
  const expired = sql<boolean>`login_throttle.window_start <= ${new Date(at.getTime() - windowMs)}::timestamptz`;
  await db
    .insertInto('login_throttle')
    .values({ bucket_key: key, failures: 1, window_start: at })
    .onConflict((oc) =>
      oc.column('bucket_key').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_throttle.failures + 1 end`,
        window_start: sql<Date>`case when ${expired} then ${at}::timestamptz else login_throttle.window_start end`,
      }),
    )
    .execute();
}

export async function clearThrottleBucket(db: Executor, key: string) {
  await db.deleteFrom('login_throttle').where('bucket_key', '=', key).execute();
}

/** Windows that ran out long ago say nothing any more. */
export async function deleteStaleThrottleBuckets(db: Executor, before: Date) {
  await db.deleteFrom('login_throttle').where('window_start', '<', before).execute();
}

/**
 * One more consecutive failure of an account; at `lockAt` failures the account is locked (once: the
 * first lock time stays). Answers the count and whether this failure locked it.
 */
export async function countAccountFailure(db: Executor, userId: string, lockAt: number, at: Date) {
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`failed_logins + 1`,
      locked_at: sql<Date | null>`case when locked_at is null and failed_logins + 1 >= ${lockAt} then ${at}::timestamptz else locked_at end`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_at'])
    .executeTakeFirstOrThrow();
  return { failures: row.failed_logins, lockedNow: row.failed_logins === lockAt };
}

export async function resetAccountFailures(db: Executor, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0 }).where('id', '=', userId).where('failed_logins', '>', 0).execute();
}

/** Unlocks an account (the security administrator); answers false when it was not locked. */
export async function unlockAccount(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_at: null })
    .where('id', '=', userId)
    .where('locked_at', 'is not', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
