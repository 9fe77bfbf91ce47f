import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export async function insertOtpCode(
  db: Executor,
  row: { phone: string; clientIp: string; codeHash: string; at: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('portal_otp_codes')
    .values({ phone: row.phone, client_ip: row.clientIp, code_hash: row.codeHash, created_at: row.at, expires_at: row.expiresAt })
    .execute();
}

/** Codes asked for since `since` by one phone or one address (the rate limits, ADR 0104). */
export async function countOtpCodesSince(
  db: Executor,
  by: { phone: string } | { clientIp: string },
  since: Date,
): Promise<number> {
  const q = db
    .selectFrom('portal_otp_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_at', '>=', since);
  const row = await (
    'phone' in by ? q.where('phone', '=', by.phone) : q.where('client_ip', '=', by.clientIp)
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The phone's newest code still alive at `at` (unused, unexpired, attempts left), locked for the check. */
export async function lockLiveOtpCode(db: Executor, phone: string, at: Date, maxAttempts: number) {
  return db
    .selectFrom('portal_otp_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .where('attempts', '<', maxAttempts)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function countOtpAttempt(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('portal_otp_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

export async function markOtpUsed(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('portal_otp_codes').set({ used_at: at }).where('id', '=', id).execute();
}

/** Codes a day old are dead anyway; dropping them keeps the table small. */
export async function deleteOldOtpCodes(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('portal_otp_codes').where('created_at', '<', before).execute();
}

/** The appeals of one caller phone at the portal's centre, newest first (merged ones left out). */
export async function listAppealsByPhone(db: Executor, centreId: string, phone: string, limit: number) {
  return db
    .selectFrom('orders')
    .select(['order_no', 'query_code', 'title', 'state', 'accepted_at', 'caller_confidential'])
    .where('centre_id', '=', centreId)
    .where('caller_phone', '=', phone)
    .where('state', '!=', 'merged')
    .orderBy('accepted_at', 'desc')
    .orderBy('order_no', 'desc')
    .limit(limit)
    .execute();
}
