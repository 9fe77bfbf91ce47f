import type { Executor } from '../db/database.js';

/** Orders whose unit asked to give them back, oldest first (the demo approves some of them). */
export async function returnRequestedOrders(db: Executor, centreId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'version', 'region_id'])
    .where('centre_id', '=', centreId)
    .where('state', '=', 'return_requested')
    .orderBy('accepted_at')
    .execute();
}
