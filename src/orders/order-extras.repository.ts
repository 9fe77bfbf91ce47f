import type { Executor } from '../db/database.js';

/** Rows that hang off an order: links (重复件) and return visits. The access log is in accesslog/. */
export async function insertOrderLink(
  db: Executor,
  link: { orderId: string; linkedOrderId: string; kind: 'duplicate' | 'related'; by: string | null; at: Date },
) {
  await db
    .insertInto('order_links')
    .values({
      order_id: link.orderId,
      linked_order_id: link.linkedOrderId,
      kind: link.kind,
      created_by: link.by,
      created_at: link.at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listOrderLinks(db: Executor, orderId: string) {
  return db
    .selectFrom('order_links')
    .innerJoin('orders as o', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('order_links.order_id', '=', orderId), eb('o.id', '=', eb.ref('order_links.linked_order_id'))]),
          eb.and([eb('order_links.linked_order_id', '=', orderId), eb('o.id', '=', eb.ref('order_links.order_id'))]),
        ]),
      ),
    )
    .select(['o.id', 'o.order_no', 'o.title', 'o.state', 'order_links.kind', 'order_links.created_at'])
    .where((eb) => eb.or([eb('order_links.order_id', '=', orderId), eb('order_links.linked_order_id', '=', orderId)]))
    .execute();
}

export async function insertReturnVisit(
  db: Executor,
  v: {
    orderId: string;
    by: string | null;
    at: Date;
    reached: boolean;
    satisfaction: string | null;
    resolved: boolean | null;
    unitCaused: boolean | null;
    method: string;
    note: string | null;
  },
) {
  await db
    .insertInto('return_visits')
    .values({
      order_id: v.orderId,
      visited_by: v.by,
      at: v.at,
      reached: v.reached,
      satisfaction: v.satisfaction,
      resolved: v.resolved,
      unit_caused: v.unitCaused,
      method: v.method,
      note: v.note,
    })
    .execute();
}

/** Whether the order has a return visit on record (a 直办 order has at most one, ADR 0202). */
export async function hasReturnVisit(db: Executor, orderId: string): Promise<boolean> {
  const row = await db.selectFrom('return_visits').select('id').where('order_id', '=', orderId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Undoing a merge removes the duplicate link (the timeline keeps both steps). */
export async function deleteDuplicateLink(db: Executor, orderId: string, mainOrderId: string) {
  await db
    .deleteFrom('order_links')
    .where('order_id', '=', orderId)
    .where('linked_order_id', '=', mainOrderId)
    .where('kind', '=', 'duplicate')
    .execute();
}

/**
 * The citizen's dissatisfied web rating stops being the order's final visit when the centre's check
 * sends the order back (重办): like a rehandled phone visit it is then the unit's (unit_caused), and the
 * KPIs read the visit after the re-handling (ADR 0135). Earlier re-handled visits are unit_caused
 * already, so the rating is the one visit still open.
 */
export async function markOpenVisitUnitCaused(db: Executor, orderId: string) {
  await db
    .updateTable('return_visits')
    .set({ unit_caused: true })
    .where('order_id', '=', orderId)
    .where('unit_caused', 'is', null)
    .execute();
}
