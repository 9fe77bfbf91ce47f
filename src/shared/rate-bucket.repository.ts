import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

// Token buckets in the database (ADR 0031), shared by every limit that must hold across several app
// processes: the portal's per-address and per-order limits, staff look-ups by a caller's phone.

export interface BucketRule {
  /** Most requests in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

/**
 * Takes one token from a bucket in a single statement, so concurrent requests in several processes
 * cannot both spend the last token: the row lock of ON CONFLICT DO UPDATE serialises them. Returns
 * the tokens left, or undefined when the bucket was empty (nothing changed then).
 */
export async function takeBucketToken(db: Executor, key: string, rule: BucketRule, at: Date): Promise<number | undefined> {
  const refilled = sql<number>`least(${rule.capacity}::double precision,
    portal_rate_buckets.tokens + greatest(0, extract(epoch from (${at}::timestamptz - portal_rate_buckets.updated_at))::double precision) * ${rule.refillPerSecond}::double precision)`;
  const row = await db
    .insertInto('portal_rate_buckets')
    .values({ bucket_key: key, tokens: rule.capacity - 1, updated_at: at })
    .onConflict((oc) =>
      oc
        .column('bucket_key')
        .doUpdateSet({
          tokens: sql<number>`${refilled} - 1`,
          updated_at: sql<Date>`greatest(portal_rate_buckets.updated_at, ${at}::timestamptz)`,
        })
        .where(refilled, '>=', 1),
    )
    .returning('tokens')
    .executeTakeFirst();
  return row?.tokens;
}

/** Gives one token back (never above capacity), e.g. after a look-up with the right code. */
export async function refundBucketToken(db: Executor, key: string, capacity: number): Promise<void> {
  await db
    .updateTable('portal_rate_buckets')
    .set({ tokens: sql<number>`least(${capacity}::double precision, tokens + 1)` })
    .where('bucket_key', '=', key)
    .execute();
}

export async function findBucket(db: Executor, key: string) {
  return db.selectFrom('portal_rate_buckets').selectAll().where('bucket_key', '=', key).executeTakeFirst();
}

/** Buckets idle this long are full again anyway; dropping them keeps the table small. */
export async function deleteIdleBuckets(db: Executor, idleSince: Date): Promise<number> {
  const result = await db.deleteFrom('portal_rate_buckets').where('updated_at', '<', idleSince).executeTakeFirst();
  return Number(result.numDeletedRows);
}
