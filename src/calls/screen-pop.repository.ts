import type { Executor } from '../db/database.js';

/** The newest call offered to or answered by this user since `since` and not yet over. */
export async function findCurrentCallOf(db: Executor, centreId: string, userId: string, since: Date) {
  return db
    .selectFrom('calls')
    .select(['id', 'status', 'offered_at'])
    .where('centre_id', '=', centreId)
    .where('operator_user_id', '=', userId)
    .where('status', 'in', ['offered', 'answered'])
    .where('offered_at', '>=', since)
    .orderBy('offered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The caller's orders newest first (numbers are stored normalised, so equality finds them). */
export async function listCallerOrders(db: Executor, centreId: string, phone: string, limit: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'order_no', 'title', 'state', 'accepted_at', 'caller_name', 'caller_confidential', 'address', 'region_id'])
    .where('centre_id', '=', centreId)
    .where('caller_phone', '=', phone)
    .orderBy('accepted_at', 'desc')
    .limit(limit)
    .execute();
}

export async function listCallsOfOrder(db: Executor, orderId: string) {
  return db
    .selectFrom('call_order_links')
    .innerJoin('calls', 'calls.id', 'call_order_links.call_id')
    .select(['calls.id', 'calls.status', 'calls.offered_at', 'calls.answered_at', 'calls.talk_seconds', 'calls.recording_url'])
    .where('call_order_links.order_id', '=', orderId)
    .orderBy('calls.offered_at', 'asc')
    .execute();
}
