import type { Executor } from '../db/database.js';
import type { Insertable } from 'kysely';
import type { OrderEventsTable } from '../db/schema.js';

export async function insertOrderEvent(db: Executor, row: Insertable<OrderEventsTable>) {
  return db.insertInto('order_events').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The whole timeline of an order, oldest first, with who acted. */
export async function listOrderEvents(db: Executor, orderId: string) {
  return db
    .selectFrom('order_events')
    .leftJoin('users', 'users.id', 'order_events.actor_user_id')
    .leftJoin('units', 'units.id', 'order_events.actor_unit_id')
    .select([
      'order_events.id',
      'order_events.action',
      'order_events.from_state',
      'order_events.to_state',
      'order_events.at',
      'order_events.note',
      'order_events.payload',
      'order_events.actor_label',
      'users.display_name as actor_name',
      'units.name as actor_unit_name',
    ])
    .where('order_events.order_id', '=', orderId)
    .orderBy('order_events.id')
    .execute();
}
