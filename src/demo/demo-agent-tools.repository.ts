import type { Executor } from '../db/database.js';

/** The newest orders still being worked by a unit (the demo's notes go on them). */
export async function newestOpenOrdersOfUnit(db: Executor, unitId: string, limit: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'order_no'])
    .where('lead_unit_id', '=', unitId)
    .where('state', 'in', ['dispatched', 'handling'])
    .orderBy('accepted_at', 'desc')
    .limit(limit)
    .execute();
}
