import type { Insertable } from 'kysely';
import type { CallsTable } from '../calls/call.table.js';
import type { Executor } from '../db/database.js';

/** Phoned-in and window orders of the demo centre, oldest first (to spread dialled numbers and windows over them). */
export function listChannelOrders(db: Executor, centreId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'channel', 'region_id'])
    .where('centre_id', '=', centreId)
    .where('channel', 'in', ['phone', 'window'])
    .orderBy('accepted_at')
    .orderBy('id')
    .execute();
}

export async function setSourceNumber(db: Executor, number: string, orderIds: string[]): Promise<void> {
  if (orderIds.length > 0) await db.updateTable('orders').set({ source_number: number }).where('id', 'in', orderIds).execute();
}

export async function setWindow(db: Executor, windowId: string, orderIds: string[]): Promise<void> {
  if (orderIds.length > 0) await db.updateTable('orders').set({ window_id: windowId }).where('id', 'in', orderIds).execute();
}

export async function insertDemoCalls(db: Executor, rows: Insertable<CallsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('calls')
      .values(rows.slice(i, i + 500))
      .execute();
}
