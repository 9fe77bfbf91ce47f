import type { Executor } from '../db/database.js';

/** The live 协办 tasks of one demo order (the demo signs and answers some of them). */
export async function findAssistTasksOfOrder(db: Executor, orderId: string) {
  return db
    .selectFrom('assist_tasks')
    .select(['id', 'unit_id'])
    .where('order_id', '=', orderId)
    .where('state', '<>', 'cancelled')
    .execute();
}
