import type { Executor } from '../db/database.js';

/** "I have this order open": one row per (order, user), its time moved forward by each heartbeat. */
export async function touchPresence(db: Executor, row: { orderId: string; userId: string; centreId: string; at: Date }) {
  await db
    .insertInto('order_presence')
    .values({ order_id: row.orderId, user_id: row.userId, centre_id: row.centreId, seen_at: row.at })
    .onConflict((oc) => oc.columns(['order_id', 'user_id']).doUpdateSet({ seen_at: row.at }))
    .execute();
}

export async function removePresence(db: Executor, orderId: string, userId: string) {
  await db.deleteFrom('order_presence').where('order_id', '=', orderId).where('user_id', '=', userId).execute();
}

/** Everyone else seen on the order since `since`, with their name and unit. */
export async function listOthersPresent(db: Executor, orderId: string, userId: string, since: Date) {
  return db
    .selectFrom('order_presence as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['p.user_id', 'u.display_name', 'n.name as unit_name', 'p.seen_at'])
    .where('p.order_id', '=', orderId)
    .where('p.user_id', '<>', userId)
    .where('p.seen_at', '>', since)
    .orderBy('p.seen_at', 'desc')
    .execute();
}

/** Drops rows nobody has refreshed since `before` (closed tabs, lost connections). */
export async function pruneStalePresence(db: Executor, before: Date): Promise<number> {
  const r = await db.deleteFrom('order_presence').where('seen_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
