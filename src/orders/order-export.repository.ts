import type { Executor } from '../db/database.js';
import { whereOrderListFilter, whereVisible, type OrderListFilter, type OrderScope } from './order.repository.js';

/** Where the previous page of an export ended (the list is ordered by accepted_at desc, id asc). */
export interface ExportCursor {
  acceptedAt: Date;
  id: string;
}

/**
 * One page of the order list with the names a spreadsheet needs (category, region, lead unit).
 * Keyset paging keeps every page equally cheap however far into a large export it is.
 */
export async function listOrdersForExport(
  db: Executor,
  scope: OrderScope,
  filter: Omit<OrderListFilter, 'limit' | 'offset'>,
  after: ExportCursor | null,
  pageSize: number,
) {
  let q = whereOrderListFilter(
    whereVisible(
      db
        .selectFrom('orders')
        .leftJoin('categories', 'categories.id', 'orders.category_id')
        .leftJoin('regions', 'regions.id', 'orders.region_id')
        .leftJoin('units', 'units.id', 'orders.lead_unit_id')
        .selectAll('orders')
        .select(['categories.name as category_name', 'regions.name as region_name', 'units.name as lead_unit_name']),
      scope,
    ),
    filter,
  );
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('orders.accepted_at', '<', after.acceptedAt),
        eb.and([eb('orders.accepted_at', '=', after.acceptedAt), eb('orders.id', '>', after.id)]),
      ]),
    );
  }
  return q.orderBy('orders.accepted_at', 'desc').orderBy('orders.id').limit(pageSize).execute();
}

export type ExportOrderRow = Awaited<ReturnType<typeof listOrdersForExport>>[number];

/** One access-log row per order whose caller identity left the system unmasked. */
export async function logPiiExport(db: Executor, entry: { userId: string | null; orderIds: string[]; at: Date }) {
  if (entry.orderIds.length === 0) return;
  await db
    .insertInto('pii_access_log')
    .values(
      entry.orderIds.map((orderId) => ({
        user_id: entry.userId,
        order_id: orderId,
        fields: ['caller_name', 'caller_phone'],
        purpose: 'order.export',
        at: entry.at,
      })),
    )
    .execute();
}
