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

/** The open order at a centre past its deadline longest, with a handling unit and a place (the demo's 领导盯办). */
export async function mostOverdueHandledOrder(db: Executor, centreId: string, now: Date) {
  return db
    .selectFrom('orders')
    .select(['id'])
    .where('centre_id', '=', centreId)
    .where('state', 'in', ['dispatched', 'handling', 'extension_requested'])
    .where('lead_unit_id', 'is not', null)
    .where('deadline_due_at', '<', now)
    .where('address', 'is not', null) // a matter on the ground, not a question
    .orderBy('deadline_due_at', 'asc')
    .limit(1)
    .executeTakeFirst();
}
