import type { Executor } from '../db/database.js';

/** The newest phoned-in order awaiting its 回访 at a centre (the demo's recorded call is the one it was taken on). */
export async function newestVisitingOrder(db: Executor, centreId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'caller_phone', 'accepted_at'])
    .where('centre_id', '=', centreId)
    .where('state', '=', 'visiting')
    .where('channel', '=', 'phone')
    .orderBy('accepted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
