import type { Executor } from '../db/database.js';

/**
 * Closed orders of a centre, newest first: the text the operator typed, where it was, the final
 * category, and the lead unit at closure (the unit that handled it; a returned dispatch moved the
 * lead to another unit, so a unit that returned the order is never the label). 直办 orders have no
 * handling unit. Merged and invalid orders are not "closed" and teach nothing.
 */
export async function listClosedOrdersForTraining(db: Executor, centreId: string, limit: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'title', 'content', 'region_id', 'category_id', 'lead_unit_id', 'handled_directly'])
    .where('centre_id', '=', centreId)
    .where('state', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function listCentreIdsWithClosedOrders(db: Executor) {
  const rows = await db.selectFrom('orders').select('centre_id').where('state', '=', 'closed').distinct().execute();
  return rows.map((r) => r.centre_id);
}
