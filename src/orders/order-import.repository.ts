import { sql, type InsertObject, type Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB, OrderEventsTable } from '../db/schema.js';

/**
 * The orders side of importing a previous system's records (issue 17, ADR 0183): its orders keep
 * their original numbers and times, and come with the timeline a lianxin order of that history would
 * have, so every reader (timeline, KPIs, assessment) treats them alike. No deadline rows, no outbox:
 * a finished order of the past has no clock to watch and nobody to tell.
 */

/** Which of these numbers the centre already has, and whether an import brought them. */
export async function findOrderNumbers(db: Executor, centreId: string, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .selectFrom('orders')
    .select(['order_no', 'import_run_id'])
    .where('centre_id', '=', centreId)
    .where('order_no', 'in', [...numbers])
    .execute();
}

/** Writes the orders of one batch in one statement; answers their ids by number. */
export async function insertImportedOrders(db: Executor, rows: readonly InsertObject<DB, 'orders'>[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('orders')
    .values([...rows])
    .returning(['id', 'order_no', 'centre_id'])
    .execute();
}

/**
 * The timeline events of one batch, in the order given: each is linked into the centre's audit hash
 * chain by the zz_audit_chain trigger (ADR 0161) like every other event, one row after the other.
 */
export async function insertImportedEvents(db: Executor, rows: readonly Insertable<OrderEventsTable>[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('order_events')
    .values([...rows])
    .execute();
}

export async function insertImportedAssignments(
  db: Executor,
  rows: readonly { orderId: string; unitId: string; assignedAt: Date; signedAt: Date | null }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('order_assignments')
    .values(
      rows.map((r) => ({
        order_id: r.orderId,
        unit_id: r.unitId,
        role: 'lead' as const,
        assigned_at: r.assignedAt,
        signed_at: r.signedAt,
      })),
    )
    .execute();
}

export async function insertImportedVisits(
  db: Executor,
  rows: readonly { orderId: string; at: Date; satisfaction: string; resolved: boolean | null }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('return_visits')
    .values(
      rows.map((r) => ({
        order_id: r.orderId,
        visited_by: null,
        at: r.at,
        reached: true,
        satisfaction: r.satisfaction,
        resolved: r.resolved,
        unit_caused: null,
        method: 'phone',
        note: null,
      })),
    )
    .execute();
}

/**
 * Original numbers written like lianxin's own (yyMMdd + a sequence) would collide with a number
 * lianxin gives later on that day: the day's counter is raised to at least the imported sequence.
 */
export async function raiseOrderNumberCounters(db: Executor, centreId: string, days: ReadonlyMap<string, number>) {
  if (days.size === 0) return;
  await db
    .insertInto('order_number_counters')
    .values([...days].map(([day, last]) => ({ centre_id: centreId, day, last_value: last })))
    .onConflict((oc) =>
      oc
        .columns(['centre_id', 'day'])
        .doUpdateSet({ last_value: sql`greatest(order_number_counters.last_value, excluded.last_value)` }),
    )
    .execute();
}
