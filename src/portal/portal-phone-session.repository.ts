import type { Executor } from '../db/database.js';

/**
 * The two tables of sessions opened by a phone proved with the portal's one-time code: 我的诉求's own
 * choices (short) and the resident pages of points and wishes (long). Same columns, one set of statements.
 */
export type PhoneSessionTable = 'portal_phone_sessions' | 'resident_sessions';

export async function insertPhoneSession(
  db: Executor,
  table: PhoneSessionTable,
  row: { tokenHash: string; centreId: string; phone: string; at: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto(table as 'portal_phone_sessions')
    .values({
      token_hash: row.tokenHash,
      centre_id: row.centreId,
      phone: row.phone,
      created_at: row.at,
      expires_at: row.expiresAt,
    })
    .execute();
}

export async function findPhoneSession(db: Executor, table: PhoneSessionTable, tokenHash: string, at: Date) {
  return db
    .selectFrom(table as 'portal_phone_sessions')
    .select(['centre_id', 'phone'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', at)
    .executeTakeFirst();
}

export async function deleteExpiredPhoneSessions(db: Executor, table: PhoneSessionTable, before: Date): Promise<void> {
  await db
    .deleteFrom(table as 'portal_phone_sessions')
    .where('expires_at', '<', before)
    .execute();
}
