import type { Executor } from '../db/database.js';

/**
 * The personal-data access log (pii_access_log): every unmasked view, phone look-up, sign-in and
 * administrative act is one row (the chain trigger of ADR 0161 links them). It sits below orders/,
 * users/, calls/ and audit/ so each of them can write it without depending on another.
 */
/**
 * THE writer of the audit trail's rows (pii_access_log): an access to personal data of an order, or,
 * with no order, an act about a person or an account (a sign-in, an administrative act, ADR 0156):
 * `subject` names whom it is about, `detail` what happened besides.
 */
export async function logPiiAccess(
  db: Executor,
  entry: {
    userId: string | null;
    orderId: string | null;
    fields: string[];
    purpose: string;
    at: Date;
    centreId?: string | null;
    subject?: string | null;
    detail?: Record<string, unknown> | null;
  },
) {
  await db
    .insertInto('pii_access_log')
    .values({
      user_id: entry.userId,
      order_id: entry.orderId,
      fields: entry.fields,
      purpose: entry.purpose,
      at: entry.at,
      centre_id: entry.centreId ?? null,
      subject: entry.subject ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** One access row per order a phone look-up found, or one row with no order when it found none (the look-up itself is the access). */
export async function logPhoneLookup(
  db: Executor,
  entry: { userId: string | null; orderIds: string[]; at: Date; purpose?: string },
) {
  const orderIds: (string | null)[] = entry.orderIds.length > 0 ? entry.orderIds : [null];
  await db
    .insertInto('pii_access_log')
    .values(
      orderIds.map((orderId) => ({
        user_id: entry.userId,
        order_id: orderId,
        fields: ['caller_phone'],
        purpose: entry.purpose ?? 'order.list.callerPhone',
        at: entry.at,
      })),
    )
    .execute();
}

export async function listPiiAccess(db: Executor, orderId: string) {
  return db
    .selectFrom('pii_access_log')
    .leftJoin('users', 'users.id', 'pii_access_log.user_id')
    .select(['pii_access_log.at', 'pii_access_log.fields', 'pii_access_log.purpose', 'users.username'])
    .where('pii_access_log.order_id', '=', orderId)
    .orderBy('pii_access_log.at')
    .execute();
}
