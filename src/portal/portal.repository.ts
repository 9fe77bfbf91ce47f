import type { TimelineEventKind } from '../contract/timeline.js';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** The centre the portal serves: the one with `code`, or else the oldest centre. */
export async function findPortalCentre(db: Executor, code: string | undefined) {
  let q = db.selectFrom('centres').selectAll();
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('created_at').orderBy('code').limit(1).executeTakeFirst();
}

export async function findOrderByNumber(db: Executor, centreId: string, orderNo: string) {
  return db.selectFrom('orders').selectAll().where('centre_id', '=', centreId).where('order_no', '=', orderNo).executeTakeFirst();
}

/** The timeline rows a citizen may see: action, time and payload only — never who or internal notes. */
export async function listPublicEvents(db: Executor, orderId: string, actions: readonly string[]) {
  return db
    .selectFrom('order_events')
    .select(['id', 'action', 'at', 'payload'])
    .where('order_id', '=', orderId)
    .where('action', 'in', [...actions] as TimelineEventKind[])
    .orderBy('id')
    .execute();
}

/** Files the citizen sent with the appeal (no staff uploader), oldest first. */
export async function listCitizenPhotos(db: Executor, orderId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'content_type', 'storage_key'])
    .where('order_id', '=', orderId)
    .where('uploaded_by', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

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

/** 承诺时限: the due time of the reply deadline the handling unit is working to, if one runs or ran. */
export async function findPromisedReplyBy(db: Executor, orderId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('order_deadlines')
    .select('due_at')
    .where('order_id', '=', orderId)
    .where('stage', '=', 'reply')
    .where('status', '!=', 'cancelled')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.due_at) : null;
}

/** The words the citizen wrote with their web rating (the note of the web return visit). */
export async function findWebRatingComment(db: Executor, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('return_visits')
    .select('note')
    .where('order_id', '=', orderId)
    .where('method', '=', 'web')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.note ?? null;
}
